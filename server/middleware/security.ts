import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "../app-env";
import { ApiError } from "../errors";
import { publicOrigin } from "../lib/request-origin";
import { SESSION_COOKIE } from "./session";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF protection for cookie-authenticated writes (OWASP "verifying origin with standard
 * headers"): a write that carries the session cookie must come from our own origin, as told by
 * `Sec-Fetch-Site: same-origin` or an `Origin` equal to ours. Requests without the cookie (QR
 * submissions from phones, API clients without a session) have no ambient authority to abuse and
 * pass untouched. Every browser in use sends `Origin` on a POST, so a cookie-bearing write with
 * neither header is refused rather than guessed about.
 */
export const csrfGuard = createMiddleware<AppEnv>(async (c, next) => {
  if (SAFE_METHODS.has(c.req.method) || !getCookie(c, SESSION_COOKIE)) return next();
  const site = c.req.header("sec-fetch-site");
  if (site === "same-origin") return next();
  if (site === "cross-site" || site === "same-site") throw csrfError();
  const origin = c.req.header("origin");
  if (origin && origin !== "null" && (origin === publicOrigin(c) || origin === new URL(c.req.url).origin)) return next();
  throw csrfError();
});

const csrfError = () => new ApiError(403, "csrf_rejected", "请求来源不被信任：带登录凭据的修改请求必须来自本站页面（缺少或不匹配 Origin）");

/**
 * Security headers on every response, pages and API alike. The Content-Security-Policy allows
 * scripts only from our origin (Vite emits no inline script); styles also allow 'unsafe-inline'
 * because index.html paints a tiny inline boot style and SurveyJS/ECharts set style attributes.
 * Images may be data:/blob: (QR PNG rendered in the page, chart exports).
 */
export const securityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", "data:", "blob:"],
    fontSrc: ["'self'", "data:"],
    connectSrc: ["'self'"],
    workerSrc: ["'self'"],
    manifestSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  xFrameOptions: "DENY",
  referrerPolicy: "same-origin",
  permissionsPolicy: { camera: [], microphone: [], geolocation: ["self"], payment: [] },
});

/**
 * The questionnaire editor shows a draft in an iframe as wide as a phone (web/features/
 * survey-editor/components/preview-frame.tsx), so the page's media queries and SurveyJS's mobile
 * layout apply as on the phone. Only that page may be framed, and only by our own pages; it is
 * registered before `securityHeaders`, so it adjusts their headers after they are set.
 */
export const SAME_ORIGIN_FRAMED_PATH = "/survey-preview/*";
export const allowSameOriginFraming = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const csp = c.res.headers.get("Content-Security-Policy");
  if (csp) c.res.headers.set("Content-Security-Policy", csp.replace("frame-ancestors 'none'", "frame-ancestors 'self'"));
  c.res.headers.set("X-Frame-Options", "SAMEORIGIN");
});
