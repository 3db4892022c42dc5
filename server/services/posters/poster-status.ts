import { gone } from "../refusal";
import type { Poster } from "./posters";

/** What the admin list shows: 有效 / 已撤销 / 未开始 / 已结束. */
export type PosterStatus = "active" | "revoked" | "not_started" | "ended";

export type PosterState = Pick<Poster, "startsAt" | "endsAt" | "revokedAt">;

/** Revocation wins; otherwise the window, which includes its start and excludes its end. */
export function posterStatus(poster: PosterState, now: Date): PosterStatus {
  if (poster.revokedAt) return "revoked";
  const at = now.toISOString();
  if (poster.startsAt && at < poster.startsAt) return "not_started";
  if (poster.endsAt && at >= poster.endsAt) return "ended";
  return "active";
}

/** "2026年12月1日 08:00" in Asia/Shanghai (UTC+8 all year), for messages to respondents. */
function shanghaiTime(instant: string): string {
  const t = new Date(Date.parse(instant) + 8 * 60 * 60 * 1000).toISOString();
  return `${t.slice(0, 4)}年${Number(t.slice(5, 7))}月${Number(t.slice(8, 10))}日 ${t.slice(11, 16)}`;
}

/**
 * Throws 410 unless the poster takes answers now: `poster_revoked`, `poster_not_open` (before
 * its window) or `poster_closed` (after it). Both the page (GET /q/:token) and the QR
 * submission call it, so a closed poster neither shows its questions nor stores answers.
 */
export function assertPosterOpen(poster: PosterState, now: Date): void {
  switch (posterStatus(poster, now)) {
    case "revoked":
      throw gone("poster_revoked", "该二维码已停用，不再收集问卷。请扫描张贴处最新的二维码，或联系社区工作人员。");
    case "not_started":
      throw gone("poster_not_open", `本次调查将于 ${shanghaiTime(poster.startsAt!)} 开始，请届时再扫码填写。`);
    case "ended":
      throw gone("poster_closed", `本次调查已于 ${shanghaiTime(poster.endsAt!)} 结束，感谢您的关注。`);
    case "active":
      return;
  }
}
