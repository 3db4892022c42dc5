CREATE TABLE `issue_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`source_response_id` text,
	`source_question` text,
	`unit_code` text NOT NULL,
	`status` text NOT NULL,
	`due_date` text,
	`resolved_at` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `issue_items_unit_status_idx` ON `issue_items` (`unit_code`,`status`);--> statement-breakpoint
CREATE INDEX `issue_items_source_idx` ON `issue_items` (`source_response_id`,`source_question`);--> statement-breakpoint
CREATE TABLE `issue_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`at` text NOT NULL,
	`author` text NOT NULL,
	`text` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `issue_notes_item_idx` ON `issue_notes` (`item_id`,`id`);--> statement-breakpoint
CREATE TABLE `response_comments` (
	`response_id` text NOT NULL,
	`question` text NOT NULL,
	`unit_code` text NOT NULL,
	`survey_id` text NOT NULL,
	`survey_version` integer NOT NULL,
	`day` text NOT NULL,
	`completed_at` text NOT NULL,
	`text` text NOT NULL,
	PRIMARY KEY(`response_id`, `question`)
);
--> statement-breakpoint
CREATE INDEX `response_comments_unit_completed_idx` ON `response_comments` (`unit_code`,`completed_at`);--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`subscription_id` text NOT NULL,
	`event_kind` text NOT NULL,
	`event_key` text NOT NULL,
	`body` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`state` text NOT NULL,
	`last_status` integer,
	`last_error` text,
	`created_at` text NOT NULL,
	`delivered_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `webhook_deliveries_event_idx` ON `webhook_deliveries` (`subscription_id`,`event_key`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_due_idx` ON `webhook_deliveries` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `webhook_metric_state` (
	`subscription_id` text NOT NULL,
	`unit_code` text NOT NULL,
	`metric` text NOT NULL,
	`status` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`subscription_id`, `unit_code`, `metric`)
);
--> statement-breakpoint
CREATE TABLE `webhook_subscriptions` (
	`id` text PRIMARY KEY NOT NULL,
	`unit_code` text NOT NULL,
	`name` text NOT NULL,
	`url` text NOT NULL,
	`format` text NOT NULL,
	`secret` text NOT NULL,
	`events` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `webhook_subscriptions_unit_idx` ON `webhook_subscriptions` (`unit_code`);--> statement-breakpoint
ALTER TABLE `rollups` ADD `dist` text;