CREATE TABLE `rollups` (
	`key` text PRIMARY KEY NOT NULL,
	`unit_code` text NOT NULL,
	`period` text NOT NULL,
	`survey_id` text NOT NULL,
	`channel` text NOT NULL,
	`flagged` integer NOT NULL,
	`responses` integer NOT NULL,
	`counts` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rollups_unit_period_idx` ON `rollups` (`unit_code`,`period`);