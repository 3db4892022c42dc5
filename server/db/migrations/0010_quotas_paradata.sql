CREATE TABLE `interviewer_quotas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_code` text NOT NULL,
	`survey_id` text NOT NULL,
	`day` text NOT NULL,
	`interviewer` text NOT NULL,
	`target` integer NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `interviewer_quotas_key_idx` ON `interviewer_quotas` (`unit_code`,`survey_id`,`day`,`interviewer`);--> statement-breakpoint
CREATE INDEX `interviewer_quotas_interviewer_day_idx` ON `interviewer_quotas` (`interviewer`,`day`);--> statement-breakpoint
CREATE INDEX `interviewer_quotas_day_idx` ON `interviewer_quotas` (`day`);--> statement-breakpoint
CREATE TABLE `response_paradata` (
	`response_id` text PRIMARY KEY NOT NULL,
	`pages` text NOT NULL,
	`changes` text NOT NULL,
	`total_ms` integer NOT NULL,
	`total_changes` integer NOT NULL,
	`received_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `units` ADD `center_lat` real;--> statement-breakpoint
ALTER TABLE `units` ADD `center_lng` real;