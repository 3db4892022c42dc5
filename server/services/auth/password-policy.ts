import type { Config } from "../../config";
import { invalid } from "../refusal";

/** The password rules of one deployment (PASSWORD_* settings, docs/security.md 身份鉴别). */
export interface PasswordPolicy {
  minLength: number;
  /** Of the four classes: lower case, upper case, digit, symbol. */
  minClasses: number;
  /** A new password may equal none of the last this many (the current one included); 0 = off. */
  history: number;
  /** Days a password lasts before the user must change it at the next sign-in; 0 = never. */
  maxAgeDays: number;
}

export function passwordPolicy(config: Config): PasswordPolicy {
  return {
    minLength: config.PASSWORD_MIN_LENGTH,
    minClasses: config.PASSWORD_MIN_CLASSES,
    history: config.PASSWORD_HISTORY,
    maxAgeDays: config.PASSWORD_MAX_AGE_DAYS,
  };
}

const CLASSES: readonly RegExp[] = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}\s]/u];

/** How many of the four classes a password uses (letters without case, such as 汉字, count as symbols). */
export function characterClasses(password: string): number {
  return CLASSES.filter((re) => re.test(password)).length;
}

/** The rules in one Chinese sentence, for refusals and the forms' hints. */
export function describePasswordPolicy(policy: Pick<PasswordPolicy, "minLength" | "minClasses" | "history">): string {
  const classes = policy.minClasses > 1 ? `，且至少包含小写字母、大写字母、数字、符号中的 ${policy.minClasses} 类` : "";
  const history = policy.history > 0 ? `；不能与最近 ${policy.history} 次用过的密码相同` : "";
  return `密码至少 ${policy.minLength} 位${classes}${history}`;
}

/**
 * Refuses (422 weak_password) a password that breaks the length or class rule, saying what the
 * rule is. Reuse is checked separately (password-history.ts), since it needs the stored hashes.
 */
export function assertPasswordStrong(password: string, policy: PasswordPolicy): void {
  if ([...password].length < policy.minLength) {
    throw invalid("weak_password", `密码太短：${describePasswordPolicy(policy)}`);
  }
  if (characterClasses(password) < policy.minClasses) {
    throw invalid("weak_password", `密码太简单：${describePasswordPolicy(policy)}`);
  }
}

/** Whether a password set at `changedAt` has outlived the policy's maximum age at `now`. */
export function isPasswordExpired(changedAt: string, policy: Pick<PasswordPolicy, "maxAgeDays">, now: Date): boolean {
  if (policy.maxAgeDays <= 0) return false;
  return now.getTime() >= Date.parse(changedAt) + policy.maxAgeDays * 86_400_000;
}
