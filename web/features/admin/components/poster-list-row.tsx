import { useState } from "react";
import { errorText } from "../../../lib/http";
import { Link } from "wouter";
import { texts } from "../../../lib/i18n";
import { qrSvgUrl, revokePoster, updatePosterWindow } from "../api/posters";
import { downloadQrPng } from "../lib/download-qr-png";
import { fromLocalInput, showInstant, toLocalInput } from "../lib/local-datetime";
import type { PosterRow } from "../types";

const T = texts.admin.posters;

/** One poster in the list: status, window, downloads, and the window editor and revocation. */
export function PosterListRow({
  poster: p,
  surveyTitle,
  onChanged,
  onError,
}: {
  poster: PosterRow;
  /** The survey's full title, for the tooltip and for surveys beyond the three audiences. */
  surveyTitle?: string | undefined;
  onChanged: (note: string) => void;
  onError: (message: string) => void;
}) {
  const [editing, setEditing] = useState(false);
  const fail = (e: unknown) => onError(errorText(e));

  async function revoke() {
    // The confirmation asks for the reason too (it goes to the audit log); cancel keeps the poster.
    const reason = window.prompt(T.revokeConfirm(p.id, p.unitName))?.trim();
    if (reason === undefined) return;
    if (reason.length < 2) return onError(T.revokeReasonRequired);
    try {
      await revokePoster(p.id, reason);
      onChanged(T.revokedNote(p.id));
    } catch (e) {
      fail(e);
    }
  }

  async function saveWindow(form: HTMLFormElement) {
    const f = new FormData(form);
    try {
      await updatePosterWindow(p.id, {
        startsAt: fromLocalInput(String(f.get("startsAt") ?? "")),
        endsAt: fromLocalInput(String(f.get("endsAt") ?? "")),
      });
      setEditing(false);
      onChanged(T.windowSaved(p.id));
    } catch (e) {
      fail(e);
    }
  }

  return (
    <>
      <tr data-poster={p.id} data-status={p.status}>
        <td>
          <code>{p.id}</code>
        </td>
        <td>
          {p.unitName}（{p.unitCode}）
        </td>
        <td title={surveyTitle}>{T.audiences[p.surveyId] ?? surveyTitle ?? p.surveyId}</td>
        <td>{new Date(p.createdAt).toLocaleString("zh-CN")}</td>
        <td>
          <span className={`badge poster-status poster-status--${p.status}`}>{T.statuses[p.status]}</span>
          {p.revokedAt && <div className="admin-muted">{T.revokedBy(p.revokedBy ?? "", showInstant(p.revokedAt) ?? "")}</div>}
        </td>
        <td>{T.windowText(showInstant(p.startsAt), showInstant(p.endsAt))}</td>
        <td className="admin-actions">
          <Link href={`/admin/posters/${p.id}`}>{T.open}</Link>
          <a href={qrSvgUrl(p.id)} download={`poster-${p.id}.svg`}>
            {T.svg}
          </a>
          <button className="button button--small button--ghost" type="button" onClick={() => void downloadQrPng(p.id).catch(fail)}>
            {T.png}
          </button>
          {!p.revokedAt && (
            <>
              <button className="button button--small button--ghost" type="button" onClick={() => setEditing((v) => !v)}>
                {T.editWindow}
              </button>
              <button className="button button--small" type="button" onClick={() => void revoke()}>
                {T.revoke}
              </button>
            </>
          )}
        </td>
      </tr>
      {editing && (
        <tr data-poster-window={p.id}>
          <td colSpan={7}>
            <form
              className="admin-row"
              onSubmit={(e) => {
                e.preventDefault();
                void saveWindow(e.currentTarget);
              }}
            >
              <label>
                {T.startsAt}
                <input type="datetime-local" name="startsAt" defaultValue={toLocalInput(p.startsAt)} />
              </label>
              <label>
                {T.endsAt}
                <input type="datetime-local" name="endsAt" defaultValue={toLocalInput(p.endsAt)} />
              </label>
              <button className="button button--small" type="submit">
                {T.saveWindow}
              </button>
              <button className="button button--small button--ghost" type="button" onClick={() => setEditing(false)}>
                {texts.admin.cancel}
              </button>
            </form>
          </td>
        </tr>
      )}
    </>
  );
}
