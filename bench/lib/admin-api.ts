/** The admin calls benches make before loading a server: sign in, then make posters to answer. */
export interface BenchAdmin {
  /** A poster's token and its link, with the link's origin set to the bench's server. */
  poster(unitCode: string, surveyId: string): Promise<{ token: string; url: string }>;
}

export async function benchAdmin(serverUrl: string, password: string): Promise<BenchAdmin> {
  const login = await fetch(`${serverUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: serverUrl },
    body: JSON.stringify({ username: "admin", password }),
  });
  if (!login.ok) throw new Error(`bench login failed: ${login.status}`);
  const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
  return {
    async poster(unitCode, surveyId) {
      const res = await fetch(`${serverUrl}/api/v1/posters`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, origin: serverUrl },
        body: JSON.stringify({ unitCode, surveyId }),
      });
      if (res.status !== 201) throw new Error(`bench poster failed: ${res.status}`);
      const poster = (await res.json()) as { token: string; url: string };
      return { token: poster.token, url: poster.url.replace(/^https?:\/\/[^/]+/, serverUrl) };
    },
  };
}

/**
 * A reader of the app's GET endpoints in process (`app.request`), signed in as the bench admin
 * (and the session cookie, for the bench's own writes): the dashboard benches time the server's
 * work without HTTP. Answers other than 200 throw.
 */
export async function inProcessReader(
  app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> },
  password: string,
) {
  const login = await app.request("/api/v1/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password }),
  });
  if (login.status !== 200) throw new Error(`bench login failed: ${login.status}`);
  const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
  const read = async (pathAndQuery: string): Promise<Response> => {
    const res = await app.request(pathAndQuery, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`${pathAndQuery} ${res.status}`);
    return res;
  };
  return { read, cookie };
}
