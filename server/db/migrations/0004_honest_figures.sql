CREATE TABLE `unit_age_shares` (
	`unit_code` text NOT NULL,
	`band` text NOT NULL,
	`share` real NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	PRIMARY KEY(`unit_code`, `band`)
);
--> statement-breakpoint
ALTER TABLE `units` ADD `shops` integer;--> statement-breakpoint
ALTER TABLE `units` ADD `students` integer;