import { texts } from "../i18n";
import "./password-rules.css";
import { usePasswordPolicy } from "../session/use-password-policy";

/** The password rules in one sentence, under a new-password field (its id for aria-describedby). */
export function PasswordRules({ id }: { id?: string }) {
  const policy = usePasswordPolicy();
  return (
    <small id={id} className="password-rules">
      {policy.data?.text ?? texts.security.rulesLoading}
    </small>
  );
}

/** The minimum length for a new-password input: the policy's once known. */
export function usePasswordMinLength(): number | undefined {
  return usePasswordPolicy().data?.minLength;
}
