import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** Area hierarchy: 12-digit 统计用区划代码 for admin units, free codes for schools. */
export const units = sqliteTable(
  "units",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    kind: text("kind", {
      enum: ["city", "district", "subdistrict", "community", "school_zone", "school"],
    }).notNull(),
    parentCode: text("parent_code"),
    households: integer("households"),
    population: integer("population"),
    /** Shops and students in the unit: the sizes N of the shopkeeper and parent audiences (§7 fpc). */
    shops: integer("shops"),
    students: integer("students"),
    targetN: integer("target_n"),
    /** The unit's centre (WGS 84), optional: the interviewer QA table measures visit distances from it. */
    centerLat: real("center_lat"),
    centerLng: real("center_lng"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("units_parent_idx").on(t.parentCode)],
);

/**
 * Closure table: one row per (ancestor, descendant) pair including each unit with itself, so
 * "is X inside Y's subtree" and "sum over Y's subtree" are single indexed joins.
 */
export const unitClosure = sqliteTable(
  "unit_closure",
  {
    ancestor: text("ancestor").notNull(),
    descendant: text("descendant").notNull(),
    depth: integer("depth").notNull(),
  },
  (t) => [primaryKey({ columns: [t.ancestor, t.descendant] }), index("unit_closure_descendant_idx").on(t.descendant)],
);

/** Published questionnaire versions; a row is never changed once written. */
export const surveyVersions = sqliteTable(
  "survey_versions",
  {
    surveyId: text("survey_id").notNull(),
    version: integer("version").notNull(),
    audience: text("audience").notNull(),
    title: text("title").notNull(),
    hash: text("hash").notNull(),
    json: text("json").notNull(),
    publishedAt: text("published_at").notNull(),
    /**
     * Where the version came from: `file` (surveys/*.json at start-up) or `editor` (a published
     * draft). Start-up compares a file with the last `file` version, never with an editor one.
     */
    source: text("source", { enum: ["file", "editor"] })
      .notNull()
      .default("file"),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.version] })],
);

/**
 * A questionnaire being edited in the browser (issue 17): at most one per survey, saved by the
 * editor's autosave (`revision` +1 per save, so a stale tab cannot overwrite a newer save).
 * `baseVersion` is the published version it started from, null for a new survey.
 */
export const surveyDrafts = sqliteTable(
  "survey_drafts",
  {
    id: text("id").primaryKey(),
    surveyId: text("survey_id").notNull(),
    baseVersion: integer("base_version"),
    json: text("json").notNull(),
    revision: integer("revision").notNull(),
    createdBy: text("created_by").notNull(),
    updatedBy: text("updated_by").notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [uniqueIndex("survey_drafts_survey_idx").on(t.surveyId)],
);

/** Surveys taken out of use: their posters answer as closed and no new poster is made for them. */
export const retiredSurveys = sqliteTable("retired_surveys", {
  surveyId: text("survey_id").primaryKey(),
  retiredAt: text("retired_at").notNull(),
  retiredBy: text("retired_by").notNull(),
});

export const responses = sqliteTable(
  "responses",
  {
    /** Client-generated UUID: the idempotency key. */
    id: text("id").primaryKey(),
    surveyId: text("survey_id").notNull(),
    surveyVersion: integer("survey_version").notNull(),
    unitCode: text("unit_code").notNull(),
    channel: text("channel", { enum: ["qr", "interview"] }).notNull(),
    answers: text("answers").notNull(),
    startedAt: text("started_at").notNull(),
    completedAt: text("completed_at").notNull(),
    /** Asia/Shanghai calendar day of completedAt, the key of date filters and rollups. */
    day: text("day").notNull(),
    receivedAt: text("received_at").notNull(),
    deviceId: text("device_id").notNull(),
    interviewer: text("interviewer"),
    posterId: text("poster_id"),
    /** Keyed hash of the client address: enough to see bursts, not enough to identify anyone. */
    sourceHash: text("source_hash"),
    contentHash: text("content_hash").notNull(),
    /** Left out of rates (unless asked): set by the QR abuse checks, changed only by a review. */
    flagged: integer("flagged", { mode: "boolean" }).notNull().default(false),
    /** Why it was flagged, kept after a review includes it again (e.g. "same_device,burst"). */
    flagReason: text("flag_reason"),
    reviewDecision: text("review_decision", { enum: ["include", "exclude"] }),
    reviewReason: text("review_reason"),
    reviewedBy: text("reviewed_by"),
    reviewedAt: text("reviewed_at"),
  },
  (t) => [index("responses_device_idx").on(t.deviceId, t.surveyId, t.unitCode), index("responses_unit_day_idx").on(t.unitCode, t.day)],
);

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    username: text("username").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ["admin", "office", "interviewer"] }).notNull(),
    scope: text("scope").notNull(),
    disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
    /**
     * May see personal data unmasked (issue 19, PIPL minimisation): off for everyone, admins
     * included, until an admin grants it through PATCH /users/:username (audited).
     */
    personalData: integer("personal_data", { mode: "boolean" }).notNull().default(false),
    createdAt: text("created_at").notNull(),
    /**
     * When the current password was set (PASSWORD_MAX_AGE_DAYS counts from it). Null for users
     * made before it existed: their created_at stands in.
     */
    passwordChangedAt: text("password_changed_at"),
  },
  (t) => [uniqueIndex("users_username_idx").on(t.username)],
);

/**
 * Hashes of a user's recent passwords (the current one included), so PASSWORD_HISTORY can refuse
 * reusing the last N; older rows are pruned when a new password is set.
 */
export const passwordHistory = sqliteTable(
  "password_history",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id").notNull(),
    passwordHash: text("password_hash").notNull(),
    setAt: text("set_at").notNull(),
  },
  (t) => [index("password_history_user_idx").on(t.userId, t.id)],
);

/**
 * Every sign-in try, successful or not (等保 安全审计: who signed in from where). Never the raw
 * address: its keyed hash (the login throttle's) and a masked form (10.5.1.*) an admin can read;
 * the login form's device id only as its keyed hash. `scope_unit` is the user's scope, so an
 * admin reads the sign-ins of their own subtree; null (unknown names) is shown at the root only.
 */
export const loginEvents = sqliteTable(
  "login_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull(),
    username: text("username").notNull(),
    outcome: text("outcome", { enum: ["success", "wrong_password", "unknown_user", "disabled", "throttled"] }).notNull(),
    addressHash: text("address_hash").notNull(),
    addressMasked: text("address_masked").notNull(),
    deviceHash: text("device_hash"),
    scopeUnit: text("scope_unit"),
  },
  (t) => [index("login_events_scope_idx").on(t.scopeUnit, t.id), index("login_events_user_idx").on(t.username, t.id)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    /** SHA-256 of the cookie token: a leaked table cannot be replayed as cookies. */
    id: text("id").primaryKey(),
    userId: integer("user_id").notNull(),
    createdAt: text("created_at").notNull(),
    lastSeenAt: text("last_seen_at").notNull(),
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const posters = sqliteTable(
  "posters",
  {
    id: text("id").primaryKey(),
    unitCode: text("unit_code").notNull(),
    surveyId: text("survey_id").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull(),
    /** Collection window (ISO instants, either end open): outside it the poster takes no answers. */
    startsAt: text("starts_at"),
    endsAt: text("ends_at"),
    /** Set once by a revocation; a revoked poster's page says so and its submissions get 410. */
    revokedAt: text("revoked_at"),
    revokedBy: text("revoked_by"),
  },
  (t) => [index("posters_unit_idx").on(t.unitCode)],
);

/** Small key/value settings: the server secret, thresholds. Values are JSON. */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: text("updated_at").notNull().default(sql`CURRENT_TIMESTAMP`),
});

/**
 * Rollups (docs/design.md §2): for every unit at every level (via unit_closure) and every period
 * (a Shanghai day "D:2026-11-20" and its month "M:2026-11"), per survey, channel and flagged
 * side: how many responses, and their classified counts packed as JSON (see rollup-counts.ts).
 * Written in the same transaction as the responses they count. Dashboards read these, never
 * raw responses, and only the rows of the units they show.
 */
export const rollups = sqliteTable(
  "rollups",
  {
    /** unit|period|survey|channel|flagged: one primary key lookup per row in a write batch. */
    key: text("key").primaryKey(),
    unitCode: text("unit_code").notNull(),
    period: text("period").notNull(),
    surveyId: text("survey_id").notNull(),
    channel: text("channel").notNull(),
    flagged: integer("flagged").notNull(),
    responses: integer("responses").notNull(),
    counts: text("counts").notNull(),
    /** Answer distributions and cross-tab counts (rollup-distributions.ts); null in rows written before issue 14. */
    dist: text("dist"),
    /**
     * The `m` part of `counts` alone (json_extract(counts, '$.m')), so the rates read is answered
     * from the index below without touching the wide rows (issue 18). Written with `counts`;
     * triggers (migration 0011) set it whenever a write left it unequal, as an older build would.
     */
    metricSums: text("metric_sums"),
  },
  (t) => [
    // Every read is by unit and period; the rest makes it a covering index for the rates read.
    index("rollups_read_idx").on(t.unitCode, t.period, t.flagged, t.surveyId, t.channel, t.metricSums),
  ],
);

/** Door-to-door visits (入户): every knock is recorded, completed or not. Idempotent by client id. */
export const visits = sqliteTable(
  "visits",
  {
    id: text("id").primaryKey(),
    unitCode: text("unit_code").notNull(),
    surveyId: text("survey_id").notNull(),
    household: text("household").notNull(),
    outcome: text("outcome", { enum: ["completed", "refused", "not_home", "vacant", "not_eligible"] }).notNull(),
    responseId: text("response_id"),
    interviewer: text("interviewer").notNull(),
    deviceId: text("device_id").notNull(),
    visitedAt: text("visited_at").notNull(),
    day: text("day").notNull(),
    receivedAt: text("received_at").notNull(),
    durationMs: integer("duration_ms"),
    latitude: real("latitude"),
    longitude: real("longitude"),
    accuracyM: real("accuracy_m"),
    /**
     * What the retention job did to the GPS fix (null: as recorded): `coarse` kept it to about
     * 1 km (accuracy cleared), `removed` cleared it. Lets the job skip what it already did.
     */
    gpsRetention: text("gps_retention", { enum: ["coarse", "removed"] }),
    /** Of the fields as sent, so a tablet's retry is still a duplicate after the retention job ran. */
    contentHash: text("content_hash").notNull(),
    /** The door of the register (issue 16) this visit knocked on; null for free-text households. */
    registerEntryId: text("register_entry_id"),
  },
  (t) => [
    index("visits_unit_day_idx").on(t.unitCode, t.day),
    index("visits_register_entry_idx").on(t.registerEntryId),
    index("visits_interviewer_day_idx").on(t.interviewer, t.day),
    // The retention job groups visits by household (and its latest day) and replaces one household's labels at a time.
    index("visits_household_idx").on(t.unitCode, t.household, t.day),
  ],
);

/**
 * Last heartbeat of every field device per user, so unsent work is visible before a deadline.
 * Keyed by device and user: a shared tablet has one row per interviewer, and nobody can
 * overwrite the row another user's tablet reports.
 */
export const devices = sqliteTable(
  "devices",
  {
    deviceId: text("device_id").notNull(),
    username: text("username").notNull(),
    pending: integer("pending").notNull().default(0),
    needsAttention: integer("needs_attention").notNull().default(0),
    appVersion: text("app_version"),
    lastSyncAt: text("last_sync_at"),
    lastHeartbeatAt: text("last_heartbeat_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.username] }), index("devices_username_idx").on(t.username)],
);

/** Every admin action: who, what, when, before and after. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull(),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    target: text("target"),
    before: text("before"),
    after: text("after"),
    /**
     * The unit whose subtree the change belongs to: an admin reads the entries of its own
     * subtree only. Null for city-wide entries (and those written before it existed): root only.
     */
    scopeUnit: text("scope_unit"),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_scope_idx").on(t.scopeUnit, t.id)],
);

/**
 * Rate thresholds and minRespondents set on one unit, applying to its subtree: the nearest
 * setting up the tree wins (a district stages its own targets; the city's row is the default).
 * `value` is JSON `{threshold?: {metric: rate}, minRespondents?}`.
 */
export const unitRateSettings = sqliteTable("unit_rate_settings", {
  unitCode: text("unit_code").primaryKey(),
  value: text("value").notNull(),
  updatedAt: text("updated_at").notNull(),
  updatedBy: text("updated_by").notNull(),
});

/**
 * Census age-band shares of a unit's residents (the `age_band` values of the resident survey), for
 * weighting resident rates; a unit without its own shares takes its nearest ancestor's.
 */
export const unitAgeShares = sqliteTable(
  "unit_age_shares",
  {
    unitCode: text("unit_code").notNull(),
    band: text("band").notNull(),
    share: real("share").notNull(),
    updatedAt: text("updated_at").notNull(),
    updatedBy: text("updated_by").notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitCode, t.band] })],
);

/**
 * Where a user signed in successfully before (a keyed hash of an address or a device id), so a
 * correct password from there still passes while strangers are being throttled.
 */
export const loginKnownSources = sqliteTable(
  "login_known_sources",
  {
    username: text("username").notNull(),
    source: text("source").notNull(),
    lastSuccessAt: text("last_success_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.username, t.source] })],
);

/** Failed logins per key (username or address) and window, shared by every instance. */
export const loginAttempts = sqliteTable("login_attempts", {
  key: text("key").primaryKey(),
  windowStart: text("window_start").notNull(),
  failures: integer("failures").notNull().default(0),
});

/**
 * Outbound webhook subscriptions (issue 14 part 5): alerts about one unit's subtree sent to a
 * receiver. `secret` signs every body (X-Signature) and, for DingTalk, the robot's own query
 * signature; it is returned once when made and never logged or audited.
 */
export const webhookSubscriptions = sqliteTable(
  "webhook_subscriptions",
  {
    id: text("id").primaryKey(),
    unitCode: text("unit_code").notNull(),
    name: text("name").notNull(),
    url: text("url").notNull(),
    format: text("format", { enum: ["generic", "wecom", "dingtalk"] }).notNull(),
    secret: text("secret").notNull(),
    /** JSON array of event kinds (contracts/webhooks.ts WEBHOOK_EVENTS). */
    events: text("events").notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("webhook_subscriptions_unit_idx").on(t.unitCode)],
);

/**
 * The outbox: one row per message to one subscription, written before anything is sent. The
 * unique (subscription, event key) is what makes detection idempotent: a second pass or a
 * restarted process finds the row already there and sends nothing new.
 */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    subscriptionId: text("subscription_id").notNull(),
    eventKind: text("event_kind").notNull(),
    eventKey: text("event_key").notNull(),
    /** The exact body sent (and signed), in the subscription's format. */
    body: text("body").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: text("next_attempt_at").notNull(),
    state: text("state", { enum: ["pending", "delivered", "failed"] }).notNull(),
    lastStatus: integer("last_status"),
    lastError: text("last_error"),
    createdAt: text("created_at").notNull(),
    deliveredAt: text("delivered_at"),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_event_idx").on(t.subscriptionId, t.eventKey),
    index("webhook_deliveries_due_idx").on(t.state, t.nextAttemptAt),
  ],
);

/**
 * The last decided status (pass / fail) of each metric at each unit a subscription watches, so a
 * pass compares against the previous one and reports changes only.
 */
export const webhookMetricState = sqliteTable(
  "webhook_metric_state",
  {
    subscriptionId: text("subscription_id").notNull(),
    unitCode: text("unit_code").notNull(),
    metric: text("metric").notNull(),
    status: text("status").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.subscriptionId, t.unitCode, t.metric] })],
);

/**
 * The open-text answers (意见建议) of every response, one row per answered text or comment
 * question, written by the response writer in the response's own transaction (and backfilled by
 * services/comments/comment-rebuild.ts). Derived from `responses` at any time, like the rollups:
 * it lets GET /comments page through a unit's comments by index instead of parsing every
 * response's answers JSON. The flagged state is read from `responses` (a review changes it there).
 */
export const responseComments = sqliteTable(
  "response_comments",
  {
    responseId: text("response_id").notNull(),
    question: text("question").notNull(),
    unitCode: text("unit_code").notNull(),
    surveyId: text("survey_id").notNull(),
    surveyVersion: integer("survey_version").notNull(),
    /** The response's Asia/Shanghai day (the date filters), and its completedAt (the order). */
    day: text("day").notNull(),
    completedAt: text("completed_at").notNull(),
    text: text("text").notNull(),
  },
  (t) => [primaryKey({ columns: [t.responseId, t.question] }), index("response_comments_unit_completed_idx").on(t.unitCode, t.completedAt)],
);

/**
 * 问题清单 (issue 14): a problem handed to a unit and followed up (督办), often made from a
 * comment. `unit_code` is the unit it is assigned to; whoever's scope holds it sees and updates it.
 * Status codes: open 待处理, forwarded 已转办, resolved 已整改.
 */
export const issueItems = sqliteTable(
  "issue_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    title: text("title").notNull(),
    description: text("description"),
    /** The comment it was made from (response id + question name), when it was. */
    sourceResponseId: text("source_response_id"),
    sourceQuestion: text("source_question"),
    unitCode: text("unit_code").notNull(),
    status: text("status", { enum: ["open", "forwarded", "resolved"] }).notNull(),
    /** A calendar day (YYYY-MM-DD), the 整改期限. */
    dueDate: text("due_date"),
    resolvedAt: text("resolved_at"),
    createdAt: text("created_at").notNull(),
    createdBy: text("created_by").notNull(),
    updatedAt: text("updated_at").notNull(),
    updatedBy: text("updated_by").notNull(),
  },
  (t) => [
    index("issue_items_unit_status_idx").on(t.unitCode, t.status),
    index("issue_items_source_idx").on(t.sourceResponseId, t.sourceQuestion),
  ],
);

/** The follow-up notes of a 问题清单 item, oldest first: who wrote what, when. */
export const issueNotes = sqliteTable(
  "issue_notes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    itemId: integer("item_id").notNull(),
    at: text("at").notNull(),
    author: text("author").notNull(),
    text: text("text").notNull(),
  },
  (t) => [index("issue_notes_item_idx").on(t.itemId, t.id)],
);

/**
 * One row per kind of personal data per pass of the retention job (server/services/privacy/
 * retention-job.ts): when it started and finished, how many visit rows it changed, and the
 * error that stopped it, if one did. Admins read it (GET /settings/retention/runs).
 */
export const retentionRuns = sqliteTable("retention_runs", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  startedAt: text("started_at").notNull(),
  finishedAt: text("finished_at"),
  kind: text("kind", { enum: ["gps", "household"] }).notNull(),
  rowsChanged: integer("rows_changed").notNull().default(0),
  error: text("error"),
});

/**
 * The household and shop register of a community (issue 16): one row per door, imported by an
 * office or found in the field by an interviewer (`source` field, with who and when). `door_key`
 * is the normalised door (services/register/door-key.ts), unique per unit, so the same door typed
 * two ways is one entry and a re-import adds nothing. Attempts and dispositions are derived from
 * the visits that point at the entry, never stored, so visits arriving in any order agree.
 */
export const registerEntries = sqliteTable(
  "register_entries",
  {
    id: text("id").primaryKey(),
    unitCode: text("unit_code").notNull(),
    kind: text("kind", { enum: ["household", "shop"] }).notNull(),
    doorKey: text("door_key").notNull(),
    /** The door as shown: "3栋2单元301", an address, or a shop's name and address. */
    label: text("label").notNull(),
    building: text("building"),
    unitNo: text("unit_no"),
    room: text("room"),
    address: text("address"),
    shopName: text("shop_name"),
    source: text("source", { enum: ["import", "field"] }).notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull(),
    /** The interviewer a supervisor gave this door to (null: anyone of the team). */
    assignedTo: text("assigned_to"),
  },
  (t) => [uniqueIndex("register_entries_door_idx").on(t.unitCode, t.doorKey), index("register_entries_assigned_idx").on(t.assignedTo)],
);

/**
 * A door added in the field under a second client id (two tablets found the same new door
 * offline): the later id points at the entry that was stored first, so visits sent with either
 * id count for one door.
 */
export const registerEntryAliases = sqliteTable("register_entry_aliases", {
  aliasId: text("alias_id").primaryKey(),
  entryId: text("entry_id").notNull(),
  createdAt: text("created_at").notNull(),
});

/**
 * Supervisor review of an interview (issue 16, part 4): one row per reviewed interview response;
 * no row is 待审核. Whether the state counts in the rates is kept in `responses.flagged` (the
 * rollups' side), set in the same transaction (server/services/field-review/counted-side.ts).
 */
export const interviewReviews = sqliteTable(
  "interview_reviews",
  {
    responseId: text("response_id").primaryKey(),
    state: text("state", { enum: ["approved", "returned", "doubtful"] }).notNull(),
    reason: text("reason"),
    /** A username, or `back-check` when low agreement marked it 存疑. */
    reviewedBy: text("reviewed_by").notNull(),
    reviewedAt: text("reviewed_at").notNull(),
    /** Denormalised from the response so the tablet's pull of its returned interviews is one index read. */
    interviewer: text("interviewer"),
  },
  (t) => [index("interview_reviews_interviewer_idx").on(t.interviewer, t.state)],
);

/**
 * Back-checks (issue 16, part 5): an interview drawn for re-asking by another team member. The
 * draw is reproducible (server/services/field-review/back-check-draw.ts); `answers` holds what the
 * checker heard, `matched`/`compared` the comparison with the original.
 */
export const backChecks = sqliteTable(
  "back_checks",
  {
    responseId: text("response_id").primaryKey(),
    unitCode: text("unit_code").notNull(),
    interviewer: text("interviewer").notNull(),
    surveyId: text("survey_id").notNull(),
    drawnAt: text("drawn_at").notNull(),
    drawnBy: text("drawn_by").notNull(),
    checker: text("checker"),
    mode: text("mode", { enum: ["phone", "visit"] }),
    answers: text("answers"),
    note: text("note"),
    matched: integer("matched"),
    compared: integer("compared"),
    doneAt: text("done_at"),
  },
  (t) => [index("back_checks_interviewer_idx").on(t.interviewer), index("back_checks_unit_idx").on(t.unitCode)],
);

/**
 * Count quotas (issue 16 part 3): how many completed interviews a supervisor plans for one
 * interviewer in one leaf unit, for one questionnaire (audience) on one Asia/Shanghai day.
 * One row per key; a bulk set over a date range writes one row per day.
 */
export const interviewerQuotas = sqliteTable(
  "interviewer_quotas",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    unitCode: text("unit_code").notNull(),
    surveyId: text("survey_id").notNull(),
    day: text("day").notNull(),
    interviewer: text("interviewer").notNull(),
    target: integer("target").notNull(),
    updatedAt: text("updated_at").notNull(),
    updatedBy: text("updated_by").notNull(),
  },
  (t) => [
    uniqueIndex("interviewer_quotas_key_idx").on(t.unitCode, t.surveyId, t.day, t.interviewer),
    index("interviewer_quotas_interviewer_day_idx").on(t.interviewer, t.day),
    index("interviewer_quotas_day_idx").on(t.day),
  ],
);

/**
 * Paradata of an interview (issue 16 part 6), kept beside its response rather than in it, so
 * the response writer's hot path is unchanged: time on each page and answer changes per
 * question, as the tablet measured them. GPS is not repeated here: the visit carries the consented
 * fix, and the retention job (privacy/retention-job.ts) coarsens or removes it there.
 */
export const responseParadata = sqliteTable("response_paradata", {
  responseId: text("response_id").primaryKey(),
  /** JSON [{page, ms}] in the order first shown. */
  pages: text("pages").notNull(),
  /** JSON [{question, count}]: how often an answer was changed after it was first given. */
  changes: text("changes").notNull(),
  totalMs: integer("total_ms").notNull(),
  totalChanges: integer("total_changes").notNull(),
  receivedAt: text("received_at").notNull(),
});
