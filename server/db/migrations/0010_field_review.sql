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
CREATE INDEX `interview_reviews_interviewer_idx` ON `interview_reviews` (`interviewer`,`state`);