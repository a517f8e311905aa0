-- Full-text search over story titles and descriptions (the quick search in the header).
CREATE VIRTUAL TABLE `stories_fts` USING fts5(title, description, content='stories', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `stories_fts_after_insert` AFTER INSERT ON `stories` BEGIN
  INSERT INTO stories_fts(rowid, title, description) VALUES (new.id, new.title, new.description);
END;
--> statement-breakpoint
CREATE TRIGGER `stories_fts_after_delete` AFTER DELETE ON `stories` BEGIN
  INSERT INTO stories_fts(stories_fts, rowid, title, description) VALUES ('delete', old.id, old.title, old.description);
END;
--> statement-breakpoint
CREATE TRIGGER `stories_fts_after_update` AFTER UPDATE OF title, description ON `stories` BEGIN
  INSERT INTO stories_fts(stories_fts, rowid, title, description) VALUES ('delete', old.id, old.title, old.description);
  INSERT INTO stories_fts(rowid, title, description) VALUES (new.id, new.title, new.description);
END;
--> statement-breakpoint
-- The stories made before this migration.
INSERT INTO `stories_fts`(`stories_fts`) VALUES ('rebuild');
