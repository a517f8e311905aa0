CREATE TABLE `idea_feature_links` (
	`idea_id` integer NOT NULL,
	`feature_id` integer NOT NULL,
	`by_id` integer,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`idea_id`, `feature_id`),
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`feature_id`) REFERENCES `features`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `idea_feature_links_feature_idx` ON `idea_feature_links` (`feature_id`);--> statement-breakpoint
ALTER TABLE `idea_status_changes` ADD `go_live_id` integer;