import type { InferRequestType } from "hono/client";
import { api, unwrap } from "../../../lib/api-client";

export type NewUser = InferRequestType<typeof api.users.$post>["json"];
export type UserChanges = InferRequestType<(typeof api.users)[":username"]["$patch"]>["json"];

export const listUsers = () => unwrap(api.users.$get()).then((r) => r.users);

export const createUser = (input: NewUser) => unwrap(api.users.$post({ json: input }));

export const updateUser = (username: string, changes: UserChanges) =>
  unwrap(api.users[":username"].$patch({ param: { username: encodeURIComponent(username) }, json: changes }));

export const resetPassword = (username: string, password: string) =>
  unwrap(api.users[":username"].password.$post({ param: { username: encodeURIComponent(username) }, json: { password } }));

export const changeOwnPassword = (currentPassword: string, newPassword: string) =>
  unwrap(api.auth.password.$post({ json: { currentPassword, newPassword } }));
