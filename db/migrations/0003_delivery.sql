CREATE TABLE `blockers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`title` text NOT NULL,
	`owner_id` integer,
	`side` text NOT NULL,
	`story_id` integer,
	`raised_by_id` integer NOT NULL,
	`raised_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`due_on` text,
	`resolved_by_id` integer,
	`resolved_at` text,
	`resolution` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`raised_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `blockers_project_idx` ON `blockers` (`project_id`,`resolved_at`,`raised_at`);--> statement-breakpoint
CREATE INDEX `blockers_owner_idx` ON `blockers` (`owner_id`);--> statement-breakpoint
CREATE TABLE `calendar_holidays` (
	`calendar_id` integer NOT NULL,
	`date` text NOT NULL,
	`name` text NOT NULL,
	PRIMARY KEY(`calendar_id`, `date`),
	FOREIGN KEY (`calendar_id`) REFERENCES `holiday_calendars`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `checklist_template_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`text` text NOT NULL,
	`position` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `days_off` (
	`project_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`date` text NOT NULL,
	PRIMARY KEY(`project_id`, `user_id`, `date`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `demo_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sprint_id` integer NOT NULL,
	`story_id` integer NOT NULL,
	`decision` text NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`unmet_criteria` text DEFAULT '[]' NOT NULL,
	`then` text,
	`follow_up_story_id` integer,
	`decided_by_id` integer NOT NULL,
	`recorded_by_id` integer NOT NULL,
	`superseded_by_id` integer,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`sprint_id`) REFERENCES `sprints`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`follow_up_story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `demo_decisions_sprint_idx` ON `demo_decisions` (`sprint_id`,`story_id`);--> statement-breakpoint
CREATE INDEX `demo_decisions_story_idx` ON `demo_decisions` (`story_id`);--> statement-breakpoint
CREATE TABLE `features` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`go_live_id` integer,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `features_project_idx` ON `features` (`project_id`);--> statement-breakpoint
CREATE INDEX `features_go_live_idx` ON `features` (`go_live_id`);--> statement-breakpoint
CREATE TABLE `go_live_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`go_live_id` integer NOT NULL,
	`by_id` integer,
	`kind` text NOT NULL,
	`from_value` text,
	`to_value` text,
	`reason` text DEFAULT '' NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`go_live_id`) REFERENCES `go_lives`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `go_live_changes_go_live_idx` ON `go_live_changes` (`go_live_id`);--> statement-breakpoint
CREATE TABLE `go_lives` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`name` text NOT NULL,
	`sprint_id` integer NOT NULL,
	`cutover_on` text NOT NULL,
	`hypercare_end` text NOT NULL,
	`decision` text,
	`decided_by_id` integer,
	`release_note_url` text,
	`done_at` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sprint_id`) REFERENCES `sprints`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `go_lives_project_idx` ON `go_lives` (`project_id`);--> statement-breakpoint
CREATE INDEX `go_lives_sprint_idx` ON `go_lives` (`sprint_id`);--> statement-breakpoint
CREATE TABLE `holiday_calendars` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `holiday_calendars_name_unique` ON `holiday_calendars` (`name`);--> statement-breakpoint
CREATE TABLE `project_members` (
	`project_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`role` text NOT NULL,
	`side` text DEFAULT 'delivery' NOT NULL,
	PRIMARY KEY(`project_id`, `user_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `project_members_user_idx` ON `project_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`customer` text NOT NULL,
	`kind` text DEFAULT 'customer_engagement' NOT NULL,
	`sow_signed_on` text NOT NULL,
	`staffed_on` text NOT NULL,
	`kickoff_start` text,
	`kickoff_weeks` integer DEFAULT 3 NOT NULL,
	`time_zone` text DEFAULT 'UTC' NOT NULL,
	`calendar_id` integer,
	`kickoff_ended_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`calendar_id`) REFERENCES `holiday_calendars`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `projects_name_idx` ON `projects` (`name`);--> statement-breakpoint
CREATE TABLE `release_baselines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`agreed_by_id` integer NOT NULL,
	`recorded_by_id` integer NOT NULL,
	`total_points` integer NOT NULL,
	`go_lives` text NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agreed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `release_baselines_project_unique` ON `release_baselines` (`project_id`);--> statement-breakpoint
CREATE TABLE `retro_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`sprint_id` integer NOT NULL,
	`column` text NOT NULL,
	`text` text NOT NULL,
	`author_id` integer NOT NULL,
	`owner_id` integer,
	`due_sprint_id` integer,
	`closed_by_id` integer,
	`closed_at` text,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sprint_id`) REFERENCES `sprints`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`due_sprint_id`) REFERENCES `sprints`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `retro_items_sprint_idx` ON `retro_items` (`sprint_id`);--> statement-breakpoint
CREATE INDEX `retro_items_open_actions_idx` ON `retro_items` (`project_id`,`column`,`closed_at`);--> statement-breakpoint
CREATE TABLE `sprints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`number` integer NOT NULL,
	`start` text NOT NULL,
	`end` text NOT NULL,
	`chosen_start` text,
	`state` text DEFAULT 'planned' NOT NULL,
	`goal` text DEFAULT '' NOT NULL,
	`capacity` integer,
	`started_at` text,
	`closed_at` text,
	`start_seq` integer,
	`close_seq` integer,
	`report` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sprints_project_number_unique` ON `sprints` (`project_id`,`number`);--> statement-breakpoint
CREATE INDEX `sprints_project_state_idx` ON `sprints` (`project_id`,`state`);--> statement-breakpoint
CREATE TABLE `status_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`by_id` integer NOT NULL,
	`rag` text NOT NULL,
	`note` text NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `status_reports_project_idx` ON `status_reports` (`project_id`,`at`);--> statement-breakpoint
CREATE TABLE `stories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`feature_id` integer,
	`type` text DEFAULT 'story' NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`acceptance_criteria` text DEFAULT '[]' NOT NULL,
	`points` integer,
	`status` text DEFAULT 'todo' NOT NULL,
	`rank` real NOT NULL,
	`sprint_id` integer,
	`test_status` text,
	`test_note` text,
	`defect_of` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`feature_id`) REFERENCES `features`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sprint_id`) REFERENCES `sprints`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stories_project_rank_idx` ON `stories` (`project_id`,`rank`);--> statement-breakpoint
CREATE INDEX `stories_sprint_idx` ON `stories` (`sprint_id`,`status`);--> statement-breakpoint
CREATE INDEX `stories_feature_idx` ON `stories` (`feature_id`);--> statement-breakpoint
CREATE TABLE `story_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`story_id` integer NOT NULL,
	`project_id` integer NOT NULL,
	`by_id` integer,
	`kind` text NOT NULL,
	`from_value` text,
	`to_value` text,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`date` text NOT NULL,
	FOREIGN KEY (`story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `story_events_story_idx` ON `story_events` (`story_id`,`at`);--> statement-breakpoint
CREATE INDEX `story_events_project_idx` ON `story_events` (`project_id`,`at`);--> statement-breakpoint
CREATE TABLE `transition_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`text` text NOT NULL,
	`position` integer NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`reason` text,
	`by_id` integer,
	`at` text,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `transition_items_project_idx` ON `transition_items` (`project_id`,`position`);