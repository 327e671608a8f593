import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { LoginThrottle } from "@/lib/auth/throttle";
import { env, setEnvForTesting } from "@/lib/env";
import { PEER_HEADER } from "@/lib/security/forwarded";
import { setLoginThrottleForTesting } from "@/lib/server/login-throttle";
import { GET as reports } from "../reports/route";
import { POST as login } from "./login/route";
import { POST as logout } from "./logout/route";

const ctx = { params: Promise.resolve({}) } as never;
// The routes' throttle: in memory here (the store-backed one is tested with the store), on a
// clock the tests move.
let now = Date.now();
const throttle = new LoginThrottle({ now: () => now });
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

  it("answers a wrong password and an unknown user alike: 401 invalid_credentials", async () => {
    const wrong = await login(post(creds("demo", "nope")), ctx);
    const unknown = await login(post(creds("nobody", "demo")), ctx);
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(await code(wrong)).toBe("invalid_credentials");
    expect(await code(unknown)).toBe("invalid_credentials");
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

describe("POST /api/auth/login: throttling", () => {
  // A cheap hash (N = 2^10) for demo here, so that dozens of failures take milliseconds; the
  // decoy of an unknown name takes the same cost.
  const CHEAP_DEMO =
    "scrypt.1024.8.1.-EUhPIym9zZoGk4pDcJhng.icaUkLyM1o45QriU7xFMMFKofydV6wL0u56SSQYNUlU";
  beforeAll(() => setEnvForTesting({ ...env(), users: `demo:admin:${CHEAP_DEMO}` }));
  afterAll(() => setEnvForTesting(undefined));

  it("throttles by the connection's address: a rotated X-Forwarded-For does not reset it", async () => {
    for (let i = 0; i < 20; i++) {
      const spoof = { [PEER_HEADER]: "203.0.113.9", "x-forwarded-for": `10.9.9.${i}` };
      expect((await login(post(creds(`r${i}`, "x"), spoof), ctx)).status).toBe(401);
    }
    const next = { [PEER_HEADER]: "203.0.113.9", "x-forwarded-for": "10.9.9.200" };
    expect((await login(post(creds("demo", "demo"), next), ctx)).status).toBe(429);
  });

  it("refuses one username from one address after 5 failures: 429 with Retry-After", async () => {
    const from = { [PEER_HEADER]: "203.0.113.5" };
    for (let i = 0; i < 5; i++)
      expect((await login(post(creds("victim", "x"), from), ctx)).status).toBe(401);
    const res = await login(post(creds("victim", "x"), from), ctx);
    expect(res.status).toBe(429);
    expect(await code(res)).toBe("rate_limited");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(800);
    // The same name from elsewhere is delayed a second, not locked out.
    const elsewhere = await login(post(creds("victim", "x")), ctx);
    expect(Number(elsewhere.headers.get("retry-after"))).toBe(1);
  });

  it("stops one address trying many usernames after 20 failures, even with the right password", async () => {
    const from = { [PEER_HEADER]: "203.0.113.7" };
    for (let i = 0; i < 20; i++)
      expect((await login(post(creds(`u${i}`, "x"), from), ctx)).status).toBe(401);
    const res = await login(post(creds("demo", "demo"), from), ctx);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(800);
    expect((await login(post(creds("demo", "demo")), ctx)).status).toBe(204);
  });

  it("lets demo in past 50 failures from many addresses: at once from a known address, after the delay from a fresh one", async () => {
    const home = { [PEER_HEADER]: "192.0.2.50" };
    expect((await login(post(creds("demo", "demo"), home), ctx)).status).toBe(204);
    for (let i = 0; i < 50; i++) {
      const from = `198.18.0.${i}`;
      now += (await throttle.retryAfter("demo", from)) * 1000;
      await throttle.fail("demo", from);
    }
    expect((await login(post(creds("demo", "demo"), home), ctx)).status).toBe(204);
    const fresh = { [PEER_HEADER]: "192.0.2.51" };
    const delayed = await login(post(creds("demo", "demo"), fresh), ctx);
    expect(delayed.status).toBe(429);
    const wait = Number(delayed.headers.get("retry-after"));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(30);
    now += wait * 1000;
    expect((await login(post(creds("demo", "demo"), fresh), ctx)).status).toBe(204);
    now += 15 * 60_000; // the failures age out for the tests that follow
  });

  it("logs that a hash of an older cost needs replacing, naming the user, never the hash", async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      expect((await login(post(creds("demo", "demo")), ctx)).status).toBe(204);
    } finally {
      spy.mockRestore();
    }
    const rehash = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.event === "password_rehash_needed");
    expect(rehash).toMatchObject([{ user: "demo" }]);
    expect(Object.keys(rehash[0]!).sort()).toEqual(["detail", "event", "time", "user"]);
    expect(lines.join("")).not.toContain(CHEAP_DEMO.split(".")[5]);
  });
});

describe("POST /api/auth/login: the cap on hashes at once", () => {
  it("answers 503 rate_limited with Retry-After, at once, when too many sign-ins wait for a hash", async () => {
    // 2 hashes run and 8 wait (lib/auth/password.ts); the 11th sign-in is refused without one.
    const all = await Promise.all(
      Array.from({ length: 11 }, async () => {
        const started = performance.now();
        const res = await login(post(creds("nobody", "x")), ctx);
        return { res, ms: performance.now() - started };
      }),
    );
    expect(all.map((a) => a.res.status).sort()).toEqual([...Array(10).fill(401), 503]);
    const busy = all.find((a) => a.res.status === 503)!;
    expect(await code(busy.res)).toBe("rate_limited");
    expect(Number(busy.res.headers.get("retry-after"))).toBeGreaterThan(0);
    // Refused at once: before even the first of the others had its hash.
    const checked = all.filter((a) => a.res.status === 401).map((a) => a.ms);
    expect(busy.ms).toBeLessThan(Math.min(...checked));
  });
});

describe("POST /api/auth/logout", () => {
  it("clears the cookie", async () => {
    const res = await logout(post(null, {}, `${ORIGIN}/api/auth/logout`), ctx);
    expect(res.status).toBe(204);
    expect(res.headers.get("set-cookie")).toMatch(/^imr_session=; .*Max-Age=0/);
  });
});
