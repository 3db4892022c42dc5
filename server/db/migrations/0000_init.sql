CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`target` text,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `devices` (
	`device_id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`pending` integer DEFAULT 0 NOT NULL,
	`needs_attention` integer DEFAULT 0 NOT NULL,
	`app_version` text,
	`last_sync_at` text,
	`last_heartbeat_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `login_attempts` (
	`key` text PRIMARY KEY NOT NULL,
	`window_start` text NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `posters` (
	`id` text PRIMARY KEY NOT NULL,
	`unit_code` text NOT NULL,
	`survey_id` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `posters_unit_idx` ON `posters` (`unit_code`);--> statement-breakpoint
CREATE TABLE `responses` (
	`id` text PRIMARY KEY NOT NULL,
	`survey_id` text NOT NULL,
	`survey_version` integer NOT NULL,
	`unit_code` text NOT NULL,
	`channel` text NOT NULL,
	`answers` text NOT NULL,
	`started_at` text NOT NULL,
	`completed_at` text NOT NULL,
	`day` text NOT NULL,
	`received_at` text NOT NULL,
	`device_id` text NOT NULL,
	`interviewer` text,
	`poster_id` text,
	`source_hash` text,
	`content_hash` text NOT NULL,
	`flagged` integer DEFAULT false NOT NULL,
	`flag_reason` text,
	`review_decision` text,
	`review_reason` text,
	`reviewed_by` text,
	`reviewed_at` text
);
--> statement-breakpoint
CREATE INDEX `responses_device_idx` ON `responses` (`device_id`,`survey_id`,`unit_code`);--> statement-breakpoint
CREATE INDEX `responses_unit_day_idx` ON `responses` (`unit_code`,`day`);--> statement-breakpoint
CREATE TABLE `rollup_answers` (
	`unit_code` text NOT NULL,
	`day` text NOT NULL,
	`survey_id` text NOT NULL,
	`survey_version` integer NOT NULL,
	`channel` text NOT NULL,
	`flagged` integer NOT NULL,
	`question` text NOT NULL,
	`answer` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`unit_code`, `day`, `survey_id`, `survey_version`, `channel`, `flagged`, `question`, `answer`)
);
--> statement-breakpoint
CREATE TABLE `rollup_metrics` (
	`unit_code` text NOT NULL,
	`day` text NOT NULL,
	`survey_id` text NOT NULL,
	`survey_version` integer NOT NULL,
	`channel` text NOT NULL,
	`flagged` integer NOT NULL,
	`metric` text NOT NULL,
	`respondents` integer DEFAULT 0 NOT NULL,
	`answers` integer DEFAULT 0 NOT NULL,
	`positive` integer DEFAULT 0 NOT NULL,
	`score_sum` integer DEFAULT 0 NOT NULL,
	`score_count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`unit_code`, `day`, `survey_id`, `survey_version`, `channel`, `flagged`, `metric`)
);
--> statement-breakpoint
CREATE INDEX `rollup_metrics_day_idx` ON `rollup_metrics` (`day`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`expires_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text DEFAULT CURRENT_TIMESTAMP NOT NULL
);
--> statement-breakpoint
CREATE TABLE `survey_versions` (
	`survey_id` text NOT NULL,
	`version` integer NOT NULL,
	`audience` text NOT NULL,
	`title` text NOT NULL,
	`hash` text NOT NULL,
	`json` text NOT NULL,
	`published_at` text NOT NULL,
	PRIMARY KEY(`survey_id`, `version`)
);
--> statement-breakpoint
CREATE TABLE `unit_closure` (
	`ancestor` text NOT NULL,
	`descendant` text NOT NULL,
	`depth` integer NOT NULL,
	PRIMARY KEY(`ancestor`, `descendant`)
);
--> statement-breakpoint
CREATE INDEX `unit_closure_descendant_idx` ON `unit_closure` (`descendant`);--> statement-breakpoint
CREATE TABLE `units` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`parent_code` text,
	`households` integer,
	`population` integer,
	`target_n` integer,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `units_parent_idx` ON `units` (`parent_code`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`scope` text NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_idx` ON `users` (`username`);--> statement-breakpoint
CREATE TABLE `visits` (
	`id` text PRIMARY KEY NOT NULL,
	`unit_code` text NOT NULL,
	`survey_id` text NOT NULL,
	`household` text NOT NULL,
	`outcome` text NOT NULL,
	`response_id` text,
	`interviewer` text NOT NULL,
	`device_id` text NOT NULL,
	`visited_at` text NOT NULL,
	`day` text NOT NULL,
	`received_at` text NOT NULL,
	`duration_ms` integer,
	`latitude` real,
	`longitude` real,
	`accuracy_m` real,
	`content_hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `visits_unit_day_idx` ON `visits` (`unit_code`,`day`);--> statement-breakpoint
CREATE INDEX `visits_interviewer_day_idx` ON `visits` (`interviewer`,`day`);