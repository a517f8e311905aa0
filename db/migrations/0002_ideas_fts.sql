-- Full-text search over idea titles and descriptions (similar ideas at intake, the list search).
CREATE VIRTUAL TABLE `ideas_fts` USING fts5(title, description, content='ideas', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `ideas_fts_after_insert` AFTER INSERT ON `ideas` BEGIN
  INSERT INTO ideas_fts(rowid, title, description) VALUES (new.id, new.title, new.description);
END;
--> statement-breakpoint
CREATE TRIGGER `ideas_fts_after_delete` AFTER DELETE ON `ideas` BEGIN
  INSERT INTO ideas_fts(ideas_fts, rowid, title, description) VALUES ('delete', old.id, old.title, old.description);
END;
--> statement-breakpoint
CREATE TRIGGER `ideas_fts_after_update` AFTER UPDATE OF title, description ON `ideas` BEGIN
  INSERT INTO ideas_fts(ideas_fts, rowid, title, description) VALUES ('delete', old.id, old.title, old.description);
  INSERT INTO ideas_fts(rowid, title, description) VALUES (new.id, new.title, new.description);
END;
--> statement-breakpoint
-- The positive-language list a new installation starts with (SPEC B6); admins edit it.
INSERT INTO `language_terms` (`term`) VALUES ('garbage'), ('stupid'), ('useless'), ('hate'), ('terrible'), ('idiot'), ('awful'), ('worst');
