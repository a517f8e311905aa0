CREATE TABLE `access_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`company` text NOT NULL,
	`role` text NOT NULL,
	`reason` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`decision_note` text,
	`decided_by_id` integer,
	`decided_at` text,
	`user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`decided_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `access_requests_state_idx` ON `access_requests` (`state`,`created_at`);--> statement-breakpoint
CREATE INDEX `access_requests_email_idx` ON `access_requests` (`email`);--> statement-breakpoint
CREATE TABLE `categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`portal_id` integer NOT NULL,
	`name` text NOT NULL,
	`key_prefix` text NOT NULL,
	`pm_id` integer,
	`last_number` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`portal_id`) REFERENCES `portals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pm_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `categories_key_prefix_unique` ON `categories` (`key_prefix`);--> statement-breakpoint
CREATE INDEX `categories_portal_idx` ON `categories` (`portal_id`);--> statement-breakpoint
CREATE INDEX `categories_pm_idx` ON `categories` (`pm_id`);--> statement-breakpoint
CREATE TABLE `comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idea_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`kind` text NOT NULL,
	`body` text NOT NULL,
	`hidden` integer DEFAULT false NOT NULL,
	`hidden_reason` text,
	`hidden_by_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hidden_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `comments_idea_idx` ON `comments` (`idea_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `comments_author_idx` ON `comments` (`author_id`);--> statement-breakpoint
CREATE TABLE `follows` (
	`user_id` integer NOT NULL,
	`idea_id` integer NOT NULL,
	`following` integer DEFAULT true NOT NULL,
	PRIMARY KEY(`user_id`, `idea_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `follows_idea_idx` ON `follows` (`idea_id`);--> statement-breakpoint
CREATE TABLE `idea_edits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idea_id` integer NOT NULL,
	`by_id` integer NOT NULL,
	`changes` text NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `idea_edits_idea_idx` ON `idea_edits` (`idea_id`);--> statement-breakpoint
CREATE TABLE `idea_status_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idea_id` integer NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`by_id` integer,
	`system` integer DEFAULT false NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `idea_status_changes_idea_idx` ON `idea_status_changes` (`idea_id`,`at`);--> statement-breakpoint
CREATE INDEX `idea_status_changes_by_idx` ON `idea_status_changes` (`by_id`);--> statement-breakpoint
CREATE TABLE `idea_votes` (
	`user_id` integer NOT NULL,
	`idea_id` integer NOT NULL,
	`counts_toward_threshold` integer NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`user_id`, `idea_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `idea_votes_idea_idx` ON `idea_votes` (`idea_id`);--> statement-breakpoint
CREATE TABLE `ideas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`portal_id` integer NOT NULL,
	`category_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`status` text DEFAULT 'community_review' NOT NULL,
	`votes` integer DEFAULT 0 NOT NULL,
	`threshold_votes` integer DEFAULT 0 NOT NULL,
	`comment_count` integer DEFAULT 0 NOT NULL,
	`target_date` text,
	`release_note_url` text,
	`doc_urls` text,
	`merged_into_id` integer,
	`business_impact` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`status_changed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`portal_id`) REFERENCES `portals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ideas_key_unique` ON `ideas` (`key`);--> statement-breakpoint
CREATE INDEX `ideas_portal_status_votes_idx` ON `ideas` (`portal_id`,`status`,`votes`);--> statement-breakpoint
CREATE INDEX `ideas_portal_votes_idx` ON `ideas` (`portal_id`,`votes`);--> statement-breakpoint
CREATE INDEX `ideas_portal_created_idx` ON `ideas` (`portal_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `ideas_portal_status_created_idx` ON `ideas` (`portal_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `ideas_status_votes_idx` ON `ideas` (`status`,`votes`);--> statement-breakpoint
CREATE INDEX `ideas_votes_idx` ON `ideas` (`votes`);--> statement-breakpoint
CREATE INDEX `ideas_created_idx` ON `ideas` (`created_at`);--> statement-breakpoint
CREATE INDEX `ideas_category_votes_idx` ON `ideas` (`category_id`,`votes`);--> statement-breakpoint
CREATE INDEX `ideas_category_created_idx` ON `ideas` (`category_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `ideas_author_idx` ON `ideas` (`author_id`);--> statement-breakpoint
CREATE INDEX `ideas_merged_into_idx` ON `ideas` (`merged_into_id`);--> statement-breakpoint
CREATE TABLE `language_terms` (
	`term` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`idea_id` integer,
	`text` text NOT NULL,
	`link` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`read_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`read_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text DEFAULT 'digest' NOT NULL,
	`day` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`sent_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outbox_user_day_idx` ON `outbox` (`user_id`,`day`,`kind`);--> statement-breakpoint
CREATE INDEX `outbox_day_idx` ON `outbox` (`day`);--> statement-breakpoint
CREATE TABLE `password_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`purpose` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `password_tokens_token_hash_unique` ON `password_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `password_tokens_user_idx` ON `password_tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `portals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`vote_threshold` integer DEFAULT 20 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `portals_slug_unique` ON `portals` (`slug`);--> statement-breakpoint
CREATE TABLE `sla_clocks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idea_id` integer NOT NULL,
	`entered_on` text NOT NULL,
	`due_on` text NOT NULL,
	`answered_on` text,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sla_clocks_idea_idx` ON `sla_clocks` (`idea_id`);--> statement-breakpoint
CREATE INDEX `sla_clocks_due_idx` ON `sla_clocks` (`answered_on`,`due_on`);--> statement-breakpoint
CREATE TABLE `vote_ledger` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`idea_id` integer,
	`kind` text NOT NULL,
	`amount` integer NOT NULL,
	`reason` text NOT NULL,
	`by_id` integer,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `vote_ledger_user_idx` ON `vote_ledger` (`user_id`,`at`);--> statement-breakpoint
CREATE INDEX `vote_ledger_idea_idx` ON `vote_ledger` (`idea_id`);--> statement-breakpoint
CREATE TABLE `vote_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`reason` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`decided_by_id` integer,
	`decided_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `vote_requests_state_idx` ON `vote_requests` (`state`,`created_at`);--> statement-breakpoint
CREATE INDEX `vote_requests_user_idx` ON `vote_requests` (`user_id`);--> statement-breakpoint
CREATE TABLE `workaround_confirmations` (
	`comment_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`comment_id`, `user_id`),
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `workaround_confirmations_user_idx` ON `workaround_confirmations` (`user_id`);