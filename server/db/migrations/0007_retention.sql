CREATE TABLE `retention_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`kind` text NOT NULL,
	`rows_changed` integer DEFAULT 0 NOT NULL,
	`error` text
);
--> statement-breakpoint
ALTER TABLE `visits` ADD `gps_retention` text;--> statement-breakpoint
CREATE INDEX `visits_household_idx` ON `visits` (`unit_code`,`household`,`day`);