ALTER TABLE `rollups` ADD `metric_sums` text;--> statement-breakpoint
UPDATE `rollups` SET `metric_sums` = json_extract(`counts`, '$.m');--> statement-breakpoint
DROP INDEX `rollups_unit_period_idx`;--> statement-breakpoint
CREATE INDEX `rollups_read_idx` ON `rollups` (`unit_code`,`period`,`flagged`,`survey_id`,`channel`,`metric_sums`);--> statement-breakpoint
-- metric_sums is json_extract(counts, '$.m') after every write, whoever wrote: this build writes
-- both together (and these do nothing); a build from before this migration, a restore script or
-- hand-written SQL that sets only counts is put right in the same statement.
CREATE TRIGGER `rollups_metric_sums_on_insert` AFTER INSERT ON `rollups`
WHEN new.`metric_sums` IS NOT json_extract(new.`counts`, '$.m')
BEGIN
  UPDATE `rollups` SET `metric_sums` = json_extract(new.`counts`, '$.m') WHERE rowid = new.rowid;
END;--> statement-breakpoint
CREATE TRIGGER `rollups_metric_sums_on_update` AFTER UPDATE OF `counts`, `metric_sums` ON `rollups`
WHEN new.`metric_sums` IS NOT json_extract(new.`counts`, '$.m')
BEGIN
  UPDATE `rollups` SET `metric_sums` = json_extract(new.`counts`, '$.m') WHERE rowid = new.rowid;
END;
