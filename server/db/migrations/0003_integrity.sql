CREATE TABLE `login_known_sources` (
	`username` text NOT NULL,
	`source` text NOT NULL,
	`last_success_at` text NOT NULL,
	PRIMARY KEY(`username`, `source`)
);
--> statement-breakpoint
CREATE TABLE `unit_rate_settings` (
	`unit_code` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_devices` (
	`device_id` text NOT NULL,
	`username` text NOT NULL,
	`pending` integer DEFAULT 0 NOT NULL,
	`needs_attention` integer DEFAULT 0 NOT NULL,
	`app_version` text,
	`last_sync_at` text,
	`last_heartbeat_at` text NOT NULL,
	PRIMARY KEY(`device_id`, `username`)
);
--> statement-breakpoint
INSERT INTO `__new_devices`("device_id", "username", "pending", "needs_attention", "app_version", "last_sync_at", "last_heartbeat_at") SELECT "device_id", "username", "pending", "needs_attention", "app_version", "last_sync_at", "last_heartbeat_at" FROM `devices`;--> statement-breakpoint
DROP TABLE `devices`;--> statement-breakpoint
ALTER TABLE `__new_devices` RENAME TO `devices`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `devices_username_idx` ON `devices` (`username`);--> statement-breakpoint
ALTER TABLE `audit_log` ADD `scope_unit` text;--> statement-breakpoint
CREATE INDEX `audit_log_scope_idx` ON `audit_log` (`scope_unit`,`id`);--> statement-breakpoint
ALTER TABLE `posters` ADD `starts_at` text;--> statement-breakpoint
ALTER TABLE `posters` ADD `ends_at` text;--> statement-breakpoint
ALTER TABLE `posters` ADD `revoked_at` text;--> statement-breakpoint
ALTER TABLE `posters` ADD `revoked_by` text;