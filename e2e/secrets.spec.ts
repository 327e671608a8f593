// Secret and privacy hygiene, proven rather than hoped for: the app built and run with distinctive
// fake credentials never shows them in its client bundles, pages, API answers (success or error)
// or server log, and never logs a phone number.
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import { hashFromSecret } from "@/lib/iletimerkezi/hash";
import { CANARY, E2E_NOW } from "./env";
import { assertFree, startApp, startSimulator, stop, waitFor, type Started } from "./processes";

const SIM_PORT = 4019;
const APP_PORT = 3109;
const ORIGIN = `http://127.0.0.1:${APP_PORT}`;
const USER = { username: "canary-user", password: "canary-password-0123" };
const HASH = hashFromSecret(CANARY.key, CANARY.secret);
const SECRETS = [CANARY.key, CANARY.secret, HASH, CANARY.sessionSecret];
const PHONE = /(\+90|\b)5\d{9}\b/;

const USERS = `${USER.username}:admin:${hashPassword(USER.password)}`;

/** The embedded store of this spec's apps: scanned for secrets too. */
const DATA_ROOT = mkdtempSync(join(tmpdir(), "imr-secrets-"));

function appEnv(simPort: number): Record<string, string> {
  return {
    DATA_DIR: join(DATA_ROOT, String(simPort)),
    ILETIMERKEZI_API_KEY: CANARY.key,
    ILETIMERKEZI_API_SECRET: CANARY.secret,
    ILETIMERKEZI_BASE_URL: `http://127.0.0.1:${simPort}/v1`,
    SESSION_SECRET: CANARY.sessionSecret,
    DASHBOARD_USERS: USERS,
  };
}

let sim: Started;
let app: Started;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function expectClean(text: string, where: string) {
  for (const secret of SECRETS)
    expect(text.includes(secret), `${where} contains a secret`).toBe(false);
}

test.describe("secret hygiene", () => {
  test.describe.configure({ timeout: 180_000 });

  test.beforeAll(async () => {
    await Promise.all([assertFree(SIM_PORT), assertFree(APP_PORT)]);
    sim = startSimulator(SIM_PORT, E2E_NOW, ["--key", CANARY.key, "--secret", CANARY.secret]);
    await waitFor(`http://127.0.0.1:${SIM_PORT}/v1/get-reports/json`);
    app = startApp(APP_PORT, appEnv(SIM_PORT));
    await waitFor(`${ORIGIN}/api/health`);
  });

  test.afterAll(async () => {
    stop(app);
    stop(sim);
  });

  test("the client bundles carry none of the secrets", () => {
    const files = filesUnder(".next/static").filter((f) => /\.(js|css|html|json|txt)$/.test(f));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) expectClean(readFileSync(file, "utf8"), file);
  });

  test("pages, API answers and the server log carry none of the secrets and no phone number", async ({
    browser,
  }) => {
    const api = await playwrightRequest.newContext({ baseURL: ORIGIN });
    // Unauthenticated and failing answers first.
    const anonymous = [
      await api.get("/api/reports"),
      await api.post("/api/auth/login", {
        data: { username: USER.username, password: "wrong" },
        headers: { origin: ORIGIN },
      }),
      await api.post("/api/auth/login", { data: "x", headers: { origin: "https://evil.example" } }),
      await api.get("/api/health"),
    ];
    for (const res of anonymous) expectClean(await res.text(), `${res.url()} (${res.status()})`);

    const login = await api.post("/api/auth/login", { data: USER, headers: { origin: ORIGIN } });
    expect(login.status()).toBe(204);
    const report = await api.get("/api/reports?pageSize=5");
    expect(report.status()).toBe(200);
    const body = (await report.json()) as { orders: { items: { id: number; total: number }[] } };
    const id = body.orders.items.find((o) => o.total > 1)?.id ?? body.orders.items[0]!.id;
    const answers = [
      report,
      await api.get("/api/reports?start=2026-02-30"),
      await api.get("/api/reports/progress"),
      await api.get("/api/reports/export"),
      await api.get(`/api/orders/${id}`),
      await api.get(`/api/orders/${id}?reveal=1`),
      await api.get(`/api/orders/${id}/export?reveal=1`),
      await api.get("/api/orders/999"),
      await api.get("/api/orders/abc"),
    ];
    for (const res of answers) expectClean(await res.text(), `${res.url()} (${res.status()})`);

    const context = await browser.newContext({ storageState: await api.storageState() });
    const page = await context.newPage();
    for (const path of [
      "/login",
      "/reports",
      `/orders/${id}`,
      "/reports?start=bad",
      "/no-such-page",
    ]) {
      await page.goto(`${ORIGIN}${path}`);
      await page.waitForLoadState("networkidle");
      expectClean(await page.content(), `page ${path}`);
    }
    await context.close();
    await api.dispose();

    const log = app.output();
    expect(log).toContain('"event":"upstream"');
    expectClean(log, "the server log");
    expect(log.split("\n").filter((line) => PHONE.test(line))).toEqual([]);
  });

  test("the store's files carry none of the secrets", () => {
    const files = filesUnder(DATA_ROOT);
    expect(files.filter((f) => f.endsWith("store.sqlite")).length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const secret of [CANARY.key, CANARY.secret, HASH, CANARY.sessionSecret])
        expect(bytes.includes(secret), `${file} holds a secret`).toBe(false);
    }
  });

  test("an upstream that rejects the credentials gets a 502 that names none of them", async () => {
    // A second simulator that knows another secret: every call the app signs answers 401.
    await Promise.all([assertFree(SIM_PORT + 1), assertFree(APP_PORT + 1)]);
    const otherSim = startSimulator(SIM_PORT + 1, E2E_NOW, [
      "--key",
      CANARY.key,
      "--secret",
      "another-secret",
    ]);
    const otherApp = startApp(APP_PORT + 1, appEnv(SIM_PORT + 1));
    try {
      await waitFor(`http://127.0.0.1:${SIM_PORT + 1}/v1/get-reports/json`);
      const origin = `http://127.0.0.1:${APP_PORT + 1}`;
      await waitFor(`${origin}/api/health`);
      const api = await playwrightRequest.newContext({ baseURL: origin });
      expect(
        (await api.post("/api/auth/login", { data: USER, headers: { origin } })).status(),
      ).toBe(204);
      const res = await api.get("/api/reports");
      expect(res.status()).toBe(502);
      const text = await res.text();
      expect(text).toContain("upstream_auth");
      expectClean(text, "the upstream_auth answer");
      await api.dispose();
    } finally {
      stop(otherApp);
      stop(otherSim);
    }
    expectClean(otherApp.output(), "the server log");
  });
});
