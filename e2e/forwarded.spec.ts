// TRUST_PROXY against the real server (scripts/server.mjs): with 0, forwarded headers a client
// writes change nothing (the login throttle sees the connection); with 1, the proxy's last
// X-Forwarded-For entry and its X-Forwarded-Proto are believed. Demo mode: no upstream is needed.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { assertFree, start, startApp, stop, waitFor, type Started } from "./processes";

const DIRECT_PORT = 3111;
const PROXIED_PORT = 3112;
const PLAIN_NEXT_PORT = 3113;
const DATA_ROOT = mkdtempSync(join(tmpdir(), "imr-forwarded-"));
const apps: Started[] = [];

const env = (port: number, trustProxy: number) => ({
  DATA_DIR: join(DATA_ROOT, String(port)),
  TRUST_PROXY: String(trustProxy),
});

async function client(port: number) {
  const origin = `http://127.0.0.1:${port}`;
  const api = await playwrightRequest.newContext({ baseURL: origin });
  const login = (username: string, password: string, headers: Record<string, string> = {}) =>
    api.post("/api/auth/login", { data: { username, password }, headers: { origin, ...headers } });
  return { api, login };
}

test.describe("forwarded headers and TRUST_PROXY", () => {
  test.describe.configure({ timeout: 120_000 });

  test.beforeAll(async () => {
    await Promise.all([DIRECT_PORT, PROXIED_PORT, PLAIN_NEXT_PORT].map(assertFree));
    apps.push(startApp(DIRECT_PORT, env(DIRECT_PORT, 0)));
    apps.push(startApp(PROXIED_PORT, env(PROXIED_PORT, 1)));
    await Promise.all([DIRECT_PORT, PROXIED_PORT].map((p) => waitFor(`http://127.0.0.1:${p}/`)));
  });

  test.afterAll(() => apps.forEach((app) => stop(app)));

  test("TRUST_PROXY=0: a client rotating X-Forwarded-For (and our own peer header) is still one address", async () => {
    const { api, login } = await client(DIRECT_PORT);
    // It claims https: no Secure cookie, no HSTS (only a trusted proxy can say so).
    const ok = await login("demo", "demo", { "x-forwarded-proto": "https" });
    expect(ok.status()).toBe(204);
    expect(ok.headers()["set-cookie"]).not.toMatch(/Secure/);
    const page = await api.get("/login", { headers: { "x-forwarded-proto": "https" } });
    expect(page.headers()["strict-transport-security"]).toBeUndefined();

    // 20 failures from one address (any usernames) close it (lib/auth/throttle.ts).
    for (let i = 0; i < 20; i++) {
      const spoof = { "x-forwarded-for": `10.66.0.${i}`, "x-dashboard-peer": `10.77.0.${i}` };
      expect((await login(`nobody${i}`, "wrong", spoof)).status()).toBe(401);
    }
    const fresh = { "x-forwarded-for": "10.66.0.99", "x-dashboard-peer": "10.77.0.99" };
    const locked = await login("demo", "demo", fresh);
    expect(locked.status()).toBe(429);
    expect(Number(locked.headers()["retry-after"])).toBeGreaterThan(0);
    await api.dispose();
  });

  test("TRUST_PROXY=1: the proxy's entry is the client, its X-Forwarded-Proto counts", async () => {
    const { api, login } = await client(PROXIED_PORT);
    // The proxy appends the address it saw after whatever the client sent.
    const blocked = { "x-forwarded-for": "6.6.6.6, 198.51.100.1" };
    for (let i = 0; i < 20; i++)
      expect((await login(`nobody${i}`, "wrong", blocked)).status()).toBe(401);
    expect((await login("demo", "demo", blocked)).status()).toBe(429);

    const other = {
      "x-forwarded-for": "6.6.6.6, 198.51.100.2",
      "x-forwarded-proto": "https",
    };
    const ok = await login("demo", "demo", other);
    expect(ok.status()).toBe(204);
    expect(ok.headers()["set-cookie"]).toMatch(/; Secure/);
    const page = await api.get("/login", { headers: { "x-forwarded-proto": "https" } });
    expect(page.headers()["strict-transport-security"]).toMatch(/max-age=\d+/);
    await api.dispose();
  });

  test("plain `next start` is refused with one line saying how to start", async () => {
    const plain = start(
      process.execPath,
      [
        "node_modules/next/dist/bin/next",
        "start",
        "-H",
        "127.0.0.1",
        "-p",
        String(PLAIN_NEXT_PORT),
      ],
      env(PLAIN_NEXT_PORT, 0),
    );
    apps.push(plain);
    const code = await new Promise<number | null>((resolve) => plain.child.once("exit", resolve));
    expect(code).toBe(1);
    expect(plain.output()).toContain("Start the dashboard with `npm start` (scripts/server.mjs)");
  });
});
