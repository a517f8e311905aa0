CREATE TABLE `ceremonies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`sprint_id` integer NOT NULL,
	`kind` text NOT NULL,
	`planned_on` text NOT NULL,
	`date` text NOT NULL,
	`time` text NOT NULL,
	`minutes` integer NOT NULL,
	`moved` integer DEFAULT false NOT NULL,
	`move_reason` text,
	`cancelled_at` text,
	`cancel_reason` text,
	`notes` text DEFAULT '' NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`reminded_at` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sprint_id`) REFERENCES `sprints`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ceremonies_sprint_idx` ON `ceremonies` (`sprint_id`,`kind`);--> statement-breakpoint
CREATE INDEX `ceremonies_project_date_idx` ON `ceremonies` (`project_id`,`date`);--> statement-breakpoint
CREATE TABLE `grooming_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`story_id` integer NOT NULL,
	`by_id` integer NOT NULL,
	`session_date` text NOT NULL,
	`ceremony_id` integer,
	`field` text NOT NULL,
	`from_value` text,
	`to_value` text,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ceremony_id`) REFERENCES `ceremonies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `grooming_changes_project_idx` ON `grooming_changes` (`project_id`,`session_date`);--> statement-breakpoint
CREATE TABLE `standup_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sprint_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`date` text NOT NULL,
	`yesterday` text DEFAULT '' NOT NULL,
	`today` text DEFAULT '' NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`sprint_id`) REFERENCES `sprints`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `standup_entries_unique` ON `standup_entries` (`sprint_id`,`date`,`user_id`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `last_error` text;--> statement-breakpoint
ALTER TABLE `go_lives` ADD `decision_recorded_by_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `go_lives` ADD `decided_at` text;--> statement-breakpoint
ALTER TABLE `go_lives` ADD `decision_comment` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `ceremony_defaults` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `calendar_token` text;--> statement-breakpoint
UPDATE `projects` SET `calendar_token` = lower(hex(randomblob(24))) WHERE `calendar_token` IS NULL;