CREATE TABLE `login_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`username` text NOT NULL,
	`outcome` text NOT NULL,
	`address_hash` text NOT NULL,
	`address_masked` text NOT NULL,
	`device_hash` text,
	`scope_unit` text
);
--> statement-breakpoint
CREATE INDEX `login_events_scope_idx` ON `login_events` (`scope_unit`,`id`);--> statement-breakpoint
CREATE INDEX `login_events_user_idx` ON `login_events` (`username`,`id`);--> statement-breakpoint
CREATE TABLE `password_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`password_hash` text NOT NULL,
	`set_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `password_history_user_idx` ON `password_history` (`user_id`,`id`);--> statement-breakpoint
ALTER TABLE `users` ADD `password_changed_at` text;