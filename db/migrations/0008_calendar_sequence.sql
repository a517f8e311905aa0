ALTER TABLE `go_lives` ADD `calendar_sequence` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `go_lives` ADD `calendar_changed_at` text;--> statement-breakpoint
ALTER TABLE `sprints` ADD `calendar_sequence` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sprints` ADD `calendar_changed_at` text;