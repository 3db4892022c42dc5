import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { errorText } from "../../../lib/http";
import { texts } from "../../../lib/i18n";
import { WEBHOOK_EVENTS, WEBHOOK_FORMATS, type WebhookEvent, type WebhookFormat } from "../../../../server/contracts/webhook-kinds";
import { createWebhook, deleteWebhook, listWebhooks, testWebhook, updateWebhook, type Webhook } from "../api/webhooks";
import { adminQuery } from "../lib/admin-query";
import { DeliveryLog } from "./webhook-delivery-log";

const T = texts.webhooks;

/** 消息推送: subscriptions of the admin's subtree, a test-send button each, and their delivery logs. */
export function WebhooksPanel() {
  const hooks = useQuery({ queryKey: ["admin", "webhooks"], queryFn: listWebhooks, ...adminQuery });
  const [note, setNote] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>, done: string) {
    setError(null);
    setNote(null);
    try {
      await action();
      setNote(done);
      void hooks.refetch();
    } catch (e) {
      setError(errorText(e));
    }
  }

  function onCreate(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const given = String(f.get("secret") ?? "").trim();
    const input = {
      name: String(f.get("name")),
      url: String(f.get("url")),
      unitCode: String(f.get("unitCode")),
      format: String(f.get("format")) as WebhookFormat,
      events: f.getAll("events").map(String) as WebhookEvent[],
      ...(given ? { secret: given } : {}),
    };
    setSecret(null);
    void run(async () => {
      const made = await createWebhook(input);
      setSecret(made.secret);
      form.reset();
    }, T.created(input.name));
  }

  return (
    <section className="admin-panel">
      <p className="admin-muted">{T.intro}</p>
      <form className="admin-form" onSubmit={onCreate} aria-label={T.create}>
        <strong>{T.create}</strong>
        <label>
          {T.name}
          <input name="name" required maxLength={100} />
        </label>
        <label>
          {T.url}
          <input name="url" type="url" required maxLength={2000} placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…" />
        </label>
        <label>
          {T.unit}
          <input name="unitCode" required />
        </label>
        <label>
          {T.format}
          <select name="format" defaultValue="wecom">
            {WEBHOOK_FORMATS.map((f) => (
              <option key={f} value={f}>
                {T.formats[f]}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="admin-row">
          <legend>{T.events}</legend>
          {WEBHOOK_EVENTS.map((ev) => (
            <label key={ev}>
              <input type="checkbox" name="events" value={ev} defaultChecked />
              {T.eventNames[ev]}
            </label>
          ))}
        </fieldset>
        <label>
          {T.secret}
          <input name="secret" autoComplete="off" minLength={16} maxLength={200} />
          <span className="admin-muted">{T.secretHint}</span>
        </label>
        <button className="button" type="submit">
          {T.create}
        </button>
      </form>
      {error && <p className="admin-error">{error}</p>}
      {note && (
        <p className="admin-ok" role="status">
          {note}
        </p>
      )}
      {secret && (
        <p className="admin-ok">
          {T.secretOnce} <code>{secret}</code>
        </p>
      )}
      {hooks.error && <p className="admin-error">{texts.admin.loadFailed(hooks.error.message)}</p>}
      {hooks.data?.length === 0 && <p className="admin-muted">{T.none}</p>}
      <ul className="flagged-list">
        {hooks.data?.map((h) => (
          <WebhookItem key={h.id} hook={h} run={run} />
        ))}
      </ul>
    </section>
  );
}

function WebhookItem({ hook, run }: { hook: Webhook; run: (action: () => Promise<unknown>, done: string) => Promise<void> }) {
  const [testing, setTesting] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [showLog, setShowLog] = useState(false);
  const [logVersion, setLogVersion] = useState(0);
  const [confirming, setConfirming] = useState(false);

  async function onTest() {
    setTesting(true);
    setResult(null);
    try {
      const r = await testWebhook(hook.id);
      setResult(r.ok ? { ok: true, text: T.testOk(r.status ?? 0, r.durationMs) } : { ok: false, text: T.testFailed(r.error ?? "") });
      setLogVersion((v) => v + 1);
    } catch (e) {
      setResult({ ok: false, text: T.testFailed(errorText(e)) });
    } finally {
      setTesting(false);
    }
  }

  return (
    <li className="flagged-item" aria-label={hook.name}>
      <div className="admin-row">
        <strong>{hook.name}</strong>
        <span>{T.formats[hook.format]}</span>
        <span className="admin-muted">{hook.unitCode}</span>
        <span>{hook.active ? T.active : T.paused}</span>
      </div>
      <div className="admin-muted webhook-url">{hook.url}</div>
      <div className="admin-muted">
        {T.events}：{hook.events.map((e) => T.eventNames[e]).join("、")}
      </div>
      <div className="admin-actions">
        <button className="button button--small" type="button" disabled={testing} onClick={() => void onTest()}>
          {testing ? T.testing : T.test}
        </button>
        <button
          className="button button--small"
          type="button"
          onClick={() => void run(() => updateWebhook(hook.id, { active: !hook.active }), texts.admin.saved)}
        >
          {hook.active ? T.pause : T.resume}
        </button>
        <button className="button button--small" type="button" aria-expanded={showLog} onClick={() => setShowLog((s) => !s)}>
          {showLog ? T.hideLog : T.log}
        </button>
        {confirming ? (
          <span className="admin-confirm" role="alertdialog" aria-label={T.confirmRemove(hook.name)}>
            <span>{T.confirmRemove(hook.name)}</span>
            <button
              className="button button--small"
              type="button"
              onClick={() => void run(() => deleteWebhook(hook.id), texts.admin.saved)}
            >
              {T.confirm}
            </button>
            <button className="button button--small admin-cancel" type="button" onClick={() => setConfirming(false)}>
              {T.cancel}
            </button>
          </span>
        ) : (
          <button className="button button--small" type="button" onClick={() => setConfirming(true)}>
            {T.remove}
          </button>
        )}
      </div>
      {result && (
        <p className={result.ok ? "admin-ok" : "admin-error"} role="status">
          {result.text}
        </p>
      )}
      {showLog && <DeliveryLog id={hook.id} version={logVersion} />}
    </li>
  );
}
