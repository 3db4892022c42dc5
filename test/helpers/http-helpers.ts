/** The request options test helpers accept: JSON body, cookie, and a client address. */
export type RequestInitPlus = RequestInit & { json?: unknown; cookie?: string; ip?: string };

/** Login, user and poster shortcuts over any request function. */
export function httpHelpers(request: (path: string, init?: RequestInitPlus) => Promise<Response>, adminPassword: string) {
  async function login(username = "admin", password = adminPassword): Promise<string> {
    const res = await request("/api/v1/auth/login", { method: "POST", json: { username, password } });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
    return (res.headers.get("set-cookie") ?? "").split(";")[0]!;
  }
  async function createUser(
    adminCookie: string,
    user: { username: string; password: string; role: "admin" | "office" | "interviewer"; scope: string },
  ): Promise<string> {
    const res = await request("/api/v1/users", { method: "POST", json: user, cookie: adminCookie });
    if (res.status !== 201) throw new Error(`create user failed: ${res.status} ${await res.text()}`);
    return login(user.username, user.password);
  }
  async function createPoster(cookie: string, unitCode: string, surveyId: string) {
    const res = await request("/api/v1/posters", { method: "POST", json: { unitCode, surveyId }, cookie });
    if (res.status !== 201) throw new Error(`create poster failed: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string; token: string; url: string };
  }
  return { login, createUser, createPoster };
}
