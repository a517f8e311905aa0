-- Story comments are corrected in place (decision 11): an edit keeps the earlier text, a delete
-- leaves a marker; an attachment its uploader or the scrum master removes stays as a row, its
-- removal in the story's history.
CREATE TABLE `story_comment_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`comment_id` integer NOT NULL,
	`body` text NOT NULL,
	`written_at` text NOT NULL,
	`by_id` integer NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`comment_id`) REFERENCES `story_comments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `story_comment_revisions_comment_idx` ON `story_comment_revisions` (`comment_id`,`id`);--> statement-breakpoint
CREATE INDEX `story_comment_revisions_by_idx` ON `story_comment_revisions` (`by_id`);--> statement-breakpoint
ALTER TABLE `story_attachments` ADD `removed_at` text;--> statement-breakpoint
ALTER TABLE `story_attachments` ADD `removed_by_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `story_comments` ADD `edited_at` text;--> statement-breakpoint
ALTER TABLE `story_comments` ADD `deleted_at` text;