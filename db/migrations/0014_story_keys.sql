ALTER TABLE `projects` ADD `key` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `last_story_number` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `projects_key_unique` ON `projects` (`key`);--> statement-breakpoint
ALTER TABLE `stories` ADD `key` text;--> statement-breakpoint
ALTER TABLE `stories` ADD `assignee_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `stories` ADD `wont_do_reason` text;--> statement-breakpoint
ALTER TABLE `stories` ADD `wont_do_by_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `stories` ADD `wont_do_at` text;--> statement-breakpoint
CREATE UNIQUE INDEX `stories_key_unique` ON `stories` (`key`);--> statement-breakpoint
CREATE INDEX `stories_assignee_idx` ON `stories` (`assignee_id`);