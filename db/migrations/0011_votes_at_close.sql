DROP INDEX `ideas_portal_status_votes_idx`;--> statement-breakpoint
DROP INDEX `ideas_portal_votes_idx`;--> statement-breakpoint
DROP INDEX `ideas_status_votes_idx`;--> statement-breakpoint
DROP INDEX `ideas_votes_idx`;--> statement-breakpoint
DROP INDEX `ideas_category_votes_idx`;--> statement-breakpoint
ALTER TABLE `ideas` ADD `votes_at_close` integer;--> statement-breakpoint
ALTER TABLE `ideas` ADD `companies_at_close` integer;--> statement-breakpoint
ALTER TABLE `ideas` ADD `merge_votes_moved` integer;--> statement-breakpoint
ALTER TABLE `ideas` ADD `merge_votes_returned` integer;--> statement-breakpoint
-- Ideas closed before this version: the votes live just before the close are the returns the
-- ledger recorded at or after the closing status change (nothing else happens once closed).
UPDATE `ideas` SET
  `votes_at_close` = (
    SELECT count(*) FROM `vote_ledger` l
    WHERE l.`idea_id` = `ideas`.`id` AND l.`kind` = 'return'
      AND l.`at` >= (SELECT max(c.`at`) FROM `idea_status_changes` c WHERE c.`idea_id` = `ideas`.`id` AND c.`to_status` = `ideas`.`status`)
  ),
  `companies_at_close` = (
    SELECT count(DISTINCT u.`company`) FROM `vote_ledger` l JOIN `users` u ON u.`id` = l.`user_id`
    WHERE l.`idea_id` = `ideas`.`id` AND l.`kind` = 'return'
      AND l.`at` >= (SELECT max(c.`at`) FROM `idea_status_changes` c WHERE c.`idea_id` = `ideas`.`id` AND c.`to_status` = `ideas`.`status`)
  )
WHERE `status` IN ('delivered', 'not_planned');--> statement-breakpoint
-- Merged ideas: the merge wrote a spend on the target per moved vote and a return per voter.
UPDATE `ideas` SET
  `merge_votes_moved` = (
    SELECT count(*) FROM `vote_ledger` l
    WHERE l.`idea_id` = `ideas`.`merged_into_id` AND l.`kind` = 'spend' AND l.`reason` = 'Vote moved from ' || `ideas`.`key` || ' by merge'
  ),
  `merge_votes_returned` = (
    SELECT count(*) FROM `vote_ledger` l
    WHERE l.`idea_id` = `ideas`.`id` AND l.`kind` = 'return' AND l.`reason` LIKE `ideas`.`key` || ' merged into %'
  ) - (
    SELECT count(*) FROM `vote_ledger` l
    WHERE l.`idea_id` = `ideas`.`merged_into_id` AND l.`kind` = 'spend' AND l.`reason` = 'Vote moved from ' || `ideas`.`key` || ' by merge'
  )
WHERE `status` = 'merged' AND `merged_into_id` IS NOT NULL;--> statement-breakpoint
CREATE INDEX `ideas_portal_status_rank_idx` ON `ideas` (`portal_id`, `status`, coalesce(`votes_at_close`, `votes`));--> statement-breakpoint
CREATE INDEX `ideas_portal_rank_idx` ON `ideas` (`portal_id`, coalesce(`votes_at_close`, `votes`));--> statement-breakpoint
CREATE INDEX `ideas_status_rank_idx` ON `ideas` (`status`, coalesce(`votes_at_close`, `votes`));--> statement-breakpoint
CREATE INDEX `ideas_rank_idx` ON `ideas` (coalesce(`votes_at_close`, `votes`));--> statement-breakpoint
CREATE INDEX `ideas_category_rank_idx` ON `ideas` (`category_id`, coalesce(`votes_at_close`, `votes`));
