import { useQuery } from "@tanstack/react-query";
import { getPasswordPolicy } from "./api";

/**
 * The server's password rules (PASSWORD_*), read once per page: every form that sets a password
 * shows them and sizes its field by them, so the hint never disagrees with the refusal.
 */
export function usePasswordPolicy() {
  return useQuery({ queryKey: ["auth", "password-policy"], queryFn: getPasswordPolicy, staleTime: Number.POSITIVE_INFINITY, retry: false });
}
