DROP TABLE `rollup_answers`;--> statement-breakpoint
DROP TABLE `rollup_metrics`;