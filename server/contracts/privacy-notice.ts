import { z } from "zod";
import { PRIVACY_NOTICE_LIMITS } from "./privacy-notice-defaults";

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, "不能为空")
    .max(max, `不能超过 ${max} 个字符`)
    // Control characters other than line breaks have no place in a notice read aloud or on a phone.
    .refine((s) => !hasControlCharacter(s), "不能含控制字符");

/** Line breaks separate paragraphs; any other control character is refused. */
function hasControlCharacter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if ((code < 0x20 && code !== 0x0a) || code === 0x7f) return true;
  }
  return false;
}

/** Body of PUT /api/v1/settings/privacy-notice: every text, each trimmed, non-empty and within its limit. */
export const privacyNoticeSchema = z
  .object({
    respondentSummary: text(PRIVACY_NOTICE_LIMITS.respondentSummary),
    respondentFull: text(PRIVACY_NOTICE_LIMITS.respondentFull),
    interviewGpsConsent: text(PRIVACY_NOTICE_LIMITS.interviewGpsConsent),
    interviewOpeningGps: text(PRIVACY_NOTICE_LIMITS.interviewOpeningGps),
  })
  .strict();

export type PrivacyNoticeInput = z.output<typeof privacyNoticeSchema>;
