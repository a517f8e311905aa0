-- The vocabulary of the ideas (app/ideas/idea-terms.server.ts): a typo or a compound in a search is
-- matched against words that exist. Filled at start-up for ideas made before it existed.
CREATE TABLE `idea_terms` (
	`term` text PRIMARY KEY NOT NULL,
	`docs` integer NOT NULL
) WITHOUT ROWID;
--> statement-breakpoint
-- A word in a title says more about an idea than one in its description.
INSERT INTO `ideas_fts`(`ideas_fts`, `rank`) VALUES ('rank', 'bm25(4.0, 1.0)');
