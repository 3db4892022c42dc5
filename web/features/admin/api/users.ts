import { API_BASE } from "../../../lib/api-client";
import { apiRequest } from "../../../lib/http";
import type { AdminUser, Role } from "../types";

export const listUsers = () => apiRequest<{ users: AdminUser[] }>(`${API_BASE}/users`).then((r) => r.users);

export const createUser = (input: { username: string; password: string; role: Role; scope: string }) =>
  apiRequest<{ user: AdminUser }>(`${API_BASE}/users`, { method: "POST", body: input });

export const updateUser = (username: string, changes: Partial<Pick<AdminUser, "role" | "scope" | "disabled">>) =>
  apiRequest<{ user: AdminUser }>(`${API_BASE}/users/${encodeURIComponent(username)}`, { method: "PATCH", body: changes });

export const resetPassword = (username: string, password: string) =>
  apiRequest<{ ok: true }>(`${API_BASE}/users/${encodeURIComponent(username)}/password`, { method: "POST", body: { password } });

export const changeOwnPassword = (currentPassword: string, newPassword: string) =>
  apiRequest<{ ok: true }>(`${API_BASE}/auth/password`, { method: "POST", body: { currentPassword, newPassword } });
