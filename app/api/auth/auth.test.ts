import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LoginThrottle } from "@/lib/auth/throttle";
import { env, setEnvForTesting } from "@/lib/env";
import { PEER_HEADER } from "@/lib/security/forwarded";
import { setLoginThrottleForTesting } from "@/lib/server/login-throttle";
import { GET as reports } from "../reports/route";
import { POST as login } from "./login/route";
import { POST as logout } from "./logout/route";

const ctx = { params: Promise.resolve({}) } as never;
// The routes' throttle: in memory here (the store-backed one is tested with the store).
const throttle = new LoginThrottle();
beforeAll(() => setLoginThrottleForTesting(throttle));
afterAll(() => setLoginThrottleForTesting(undefined));
const ORIGIN = "http://127.0.0.1:3000";
let address = 0;

function post(
  body: BodyInit | null,
  headers: Record<string, string> = {},
  url = `${ORIGIN}/api/auth/login`,
) {
  return new Request(url, {
    method: "POST",
    body,
    headers: {
      host: "127.0.0.1:3000",
      origin: ORIGIN,
      "content-type": "application/json",
      // A fresh address per request, so the address throttle only bites where a test wants it.
      [PEER_HEADER]: `198.51.100.${++address % 250}`,
      ...headers,
    },
  });
}

const creds = (username: string, password: string) => JSON.stringify({ username, password });

async function code(res: Response) {
  return ((await res.json()) as { error: { code: string } }).error.code;
}

describe("POST /api/auth/login", () => {
  it("signs in demo/demo: 204 and an httpOnly, SameSite=Lax, 8-hour cookie that opens the API", async () => {
    const res = await login(post(creds("demo", "demo")), ctx);
    expect(res.status).toBe(204);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^imr_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=28800$/);
    const res2 = await reports(
      new Request(`${ORIGIN}/api/reports?start=2026-11-20&end=2026-11-20&pageSize=1`, {
        headers: { cookie: cookie.split(";")[0]! },
      }),
      ctx,
    );
    expect(res2.status).not.toBe(401);
  });

  it("sets Secure when a trusted proxy (TRUST_PROXY=1) says https, not when anyone says it", async () => {
    const viaProxy = { "x-forwarded-proto": "https" };
    const direct = await login(post(creds("demo", "demo"), viaProxy), ctx);
    expect(direct.headers.get("set-cookie")).not.toMatch(/Secure/);
    setEnvForTesting({ ...env(), trustProxy: 1 });
    try {
      const res = await login(post(creds("demo", "demo"), viaProxy), ctx);
      expect(res.headers.get("set-cookie")).toMatch(/; Secure$/);
    } finally {
      setEnvForTesting(undefined);
    }
  });

  it("throttles by the connection's address: a rotated X-Forwarded-For does not reset it", async () => {
    for (let i = 0; i < 5; i++) {
      const spoof = { [PEER_HEADER]: "203.0.113.9", "x-forwarded-for": `10.9.9.${i}` };
      await login(post(creds(`r${i}`, "x"), spoof), ctx);
    }
    const next = { [PEER_HEADER]: "203.0.113.9", "x-forwarded-for": "10.9.9.200" };
    expect((await login(post(creds("demo", "demo"), next), ctx)).status).toBe(429);
    await throttle.succeed("demo");
  });

  it("answers a wrong password and an unknown user alike: 401 invalid_credentials", async () => {
    const wrong = await login(post(creds("demo", "nope")), ctx);
    const unknown = await login(post(creds("nobody", "demo")), ctx);
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(await code(wrong)).toBe("invalid_credentials");
    expect(await code(unknown)).toBe("invalid_credentials");
  });

  it("throttles after 5 failures for one username: 429 with Retry-After", async () => {
    for (let i = 0; i < 5; i++)
      expect((await login(post(creds("victim", "x")), ctx)).status).toBe(401);
    const res = await login(post(creds("victim", "x")), ctx);
    expect(res.status).toBe(429);
    expect(await code(res)).toBe("rate_limited");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(800);
  });

  it("throttles after 5 failures from one address", async () => {
    const from = { [PEER_HEADER]: "203.0.113.7" };
    for (let i = 0; i < 5; i++) await login(post(creds(`u${i}`, "x"), from), ctx);
    expect((await login(post(creds("demo", "demo"), from), ctx)).status).toBe(429);
    await throttle.succeed("demo");
  });

  it.each([
    ["missing fields", JSON.stringify({ username: "demo" }), {}],
    ["wrong types", JSON.stringify({ username: 1, password: ["demo"] }), {}],
    ["not JSON", "username=demo&password=demo", {}],
    [
      "a form content type",
      creds("demo", "demo"),
      { "content-type": "application/x-www-form-urlencoded" },
    ],
    ["a 1 MB body", JSON.stringify({ username: "demo", password: "x".repeat(1 << 20) }), {}],
    ["an empty body", "", {}],
  ])("answers %s with 400", async (_name, body, headers) => {
    const res = await login(post(body, headers), ctx);
    expect(res.status).toBe(400);
    expect(await code(res)).toBe("invalid_query");
  });

  it.each([
    ["another origin", { origin: "https://evil.example" }],
    ["a cross-site fetch", { origin: "", "sec-fetch-site": "cross-site" }],
    ["no origin information", { origin: "" }],
  ])("refuses %s with 403", async (_name, headers) => {
    const h = Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== ""));
    const req = post(creds("demo", "demo"), h);
    if (headers.origin === "") req.headers.delete("origin");
    const res = await login(req, ctx);
    expect(res.status).toBe(403);
    expect(await code(res)).toBe("forbidden");
  });

  it("accepts a same-origin fetch identified by Sec-Fetch-Site alone", async () => {
    const req = post(creds("demo", "demo"), { "sec-fetch-site": "same-origin" });
    req.headers.delete("origin");
    expect((await login(req, ctx)).status).toBe(204);
  });
});

describe("POST /api/auth/logout", () => {
  it("clears the cookie", async () => {
    const res = await logout(post(null, {}, `${ORIGIN}/api/auth/logout`), ctx);
    expect(res.status).toBe(204);
    expect(res.headers.get("set-cookie")).toMatch(/^imr_session=; .*Max-Age=0/);
  });
});
