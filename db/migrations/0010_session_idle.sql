ALTER TABLE `sessions` ADD `last_seen_at` text;--> statement-breakpoint
-- Sessions open at upgrade count as used now: the idle clock starts with this version.
UPDATE `sessions` SET `last_seen_at` = strftime('%Y-%m-%dT%H:%M:%fZ','now');
