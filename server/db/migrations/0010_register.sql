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
ALTER TABLE `visits` ADD `register_entry_id` text;--> statement-breakpoint
CREATE INDEX `visits_register_entry_idx` ON `visits` (`register_entry_id`);