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
ALTER TABLE `survey_versions` ADD `source` text DEFAULT 'file' NOT NULL;