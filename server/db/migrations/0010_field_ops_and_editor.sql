CREATE TABLE `back_checks` (
	`response_id` text PRIMARY KEY NOT NULL,
	`unit_code` text NOT NULL,
	`interviewer` text NOT NULL,
	`survey_id` text NOT NULL,
	`drawn_at` text NOT NULL,
	`drawn_by` text NOT NULL,
	`checker` text,
	`mode` text,
	`answers` text,
	`note` text,
	`matched` integer,
	`compared` integer,
	`done_at` text
);
--> statement-breakpoint
CREATE INDEX `back_checks_interviewer_idx` ON `back_checks` (`interviewer`);--> statement-breakpoint
CREATE INDEX `back_checks_unit_idx` ON `back_checks` (`unit_code`);--> statement-breakpoint
CREATE TABLE `interview_reviews` (
	`response_id` text PRIMARY KEY NOT NULL,
	`state` text NOT NULL,
	`reason` text,
	`reviewed_by` text NOT NULL,
	`reviewed_at` text NOT NULL,
	`interviewer` text
);
--> statement-breakpoint
CREATE INDEX `interview_reviews_interviewer_idx` ON `interview_reviews` (`interviewer`,`state`);--> statement-breakpoint
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
CREATE TABLE `register_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`unit_code` text NOT NULL,
	`kind` text NOT NULL,
	`door_key` text NOT NULL,
	`label` text NOT NULL,
	`building` text,
	`unit_no` text,
	`room` text,
	`address` text,
	`shop_name` text,
	`source` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`assigned_to` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `register_entries_door_idx` ON `register_entries` (`unit_code`,`door_key`);--> statement-breakpoint
CREATE INDEX `register_entries_assigned_idx` ON `register_entries` (`assigned_to`);--> statement-breakpoint
CREATE TABLE `register_entry_aliases` (
	`alias_id` text PRIMARY KEY NOT NULL,
	`entry_id` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `response_paradata` (
	`response_id` text PRIMARY KEY NOT NULL,
	`pages` text NOT NULL,
	`changes` text NOT NULL,
	`total_ms` integer NOT NULL,
	`total_changes` integer NOT NULL,
	`received_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `retired_surveys` (
	`survey_id` text PRIMARY KEY NOT NULL,
	`retired_at` text NOT NULL,
	`retired_by` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `survey_drafts` (
	`id` text PRIMARY KEY NOT NULL,
	`survey_id` text NOT NULL,
	`base_version` integer,
	`json` text NOT NULL,
	`revision` integer NOT NULL,
	`created_by` text NOT NULL,
	`updated_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_drafts_survey_idx` ON `survey_drafts` (`survey_id`);--> statement-breakpoint
ALTER TABLE `survey_versions` ADD `source` text DEFAULT 'file' NOT NULL;--> statement-breakpoint
ALTER TABLE `units` ADD `center_lat` real;--> statement-breakpoint
ALTER TABLE `units` ADD `center_lng` real;--> statement-breakpoint
ALTER TABLE `visits` ADD `register_entry_id` text;--> statement-breakpoint
CREATE INDEX `visits_register_entry_idx` ON `visits` (`register_entry_id`);