DROP INDEX `stories_feature_idx`;--> statement-breakpoint
CREATE INDEX `stories_feature_rollup_idx` ON `stories` (`feature_id`,`status`,`points`,`test_status`);