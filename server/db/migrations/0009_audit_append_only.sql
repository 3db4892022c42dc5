-- 等保 安全审计: the audit log is append-only. SQLite refuses any UPDATE or DELETE of its rows,
-- whoever issues it (the app, a script, a console on the file), so an entry once written stays.
CREATE TRIGGER IF NOT EXISTS `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE refused');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: DELETE refused');
END;
