// Two `next start` instances on one Postgres, behind nothing but two ports: a session from one
// opens the other, a report walked on one is warm on the other, and when one is killed mid-walk
// the other finishes the report. Needs Postgres (TEST_DATABASE_URL); skipped without it unless
// REQUIRE_POSTGRES=1.
import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
} from "@playwright/test";
import { addDays } from "@/lib/dates";
import type { ReportResponse } from "@/lib/reports/contract/types";
import { freshSchema, postgresForTests } from "@/lib/testing/postgres";
import { E2E_NOW, E2E_TODAY, E2E_USER, SESSION_SECRET } from "./env";
import { assertFree, startApp, startSimulator, stop, waitFor, type Started } from "./processes";

const SIM_PORT = 4017;
const PORTS = [3107, 3108] as const;
const origin = (port: number) => `http://127.0.0.1:${port}`;
/** Short, so that a killed instance's leases run out soon. */
const TIMEOUT_MS = 3000;

let sim: Started | undefined;
const apps = new Map<number, Started>();
let dropSchema: (() => Promise<void>) | undefined;
let databaseUrl = "";

function startInstance(port: number): Started {
  const app = startApp(port, {
    DATABASE_URL: databaseUrl,
    ILETIMERKEZI_API_KEY: "demo-key",
    ILETIMERKEZI_API_SECRET: "demo-secret",
    ILETIMERKEZI_BASE_URL: `http://127.0.0.1:${SIM_PORT}/v1`,
    SESSION_SECRET,
    DASHBOARD_USERS: process.env.E2E_USERS ?? "",
    UPSTREAM_CONCURRENCY: "4",
    UPSTREAM_TIMEOUT_MS: String(TIMEOUT_MS),
  });
  apps.set(port, app);
  return app;
}

const upstreamCalls = (app: Started) =>
  app
    .output()
    .split("\n")
    .filter((line) => line.includes('"event":"upstream"')).length;

async function report(api: APIRequestContext, port: number, qs: string) {
  const res = await api.get(`${origin(port)}/api/reports?${qs}`);
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as ReportResponse;
}

test.describe("two instances on one Postgres", () => {
  test.describe.configure({ timeout: 180_000 });

  test.beforeAll(async () => {
    test.skip(!(await postgresForTests()), "needs Postgres at TEST_DATABASE_URL");
    await Promise.all([assertFree(SIM_PORT), ...PORTS.map(assertFree)]);
    const schema = await freshSchema();
    databaseUrl = schema.url;
    dropSchema = schema.drop;
    sim = startSimulator(SIM_PORT, E2E_NOW, ["--latency", "80", "--orders-per-day", "40"]);
    await waitFor(`http://127.0.0.1:${SIM_PORT}/v1/get-reports/json`);
    for (const port of PORTS) startInstance(port);
    await Promise.all(PORTS.map((port) => waitFor(`${origin(port)}/api/health`)));
  });

  test.afterAll(async () => {
    for (const app of apps.values()) stop(app);
    stop(sim);
    await dropSchema?.();
  });

  test("a session and a report from one instance serve the other", async () => {
    const api = await playwrightRequest.newContext();
    const [a, b] = PORTS;
    const login = await api.post(`${origin(a)}/api/auth/login`, {
      data: E2E_USER,
      headers: { origin: origin(a) },
    });
    expect(login.status()).toBe(204);
    for (const port of PORTS) {
      const health = await (await api.get(`${origin(port)}/api/health`)).json();
      expect(health).toMatchObject({ status: "ok", store: "postgres" });
    }
    // Settled days: walked once on A, read back on B without a call upstream.
    const qs = `start=${addDays(E2E_TODAY, -70)}&end=${addDays(E2E_TODAY, -11)}`;
    const onA = await report(api, a, qs);
    expect(upstreamCalls(apps.get(a)!)).toBeGreaterThan(0);
    const before = upstreamCalls(apps.get(b)!);
    const onB = await report(api, b, qs);
    expect(upstreamCalls(apps.get(b)!)).toBe(before);
    expect(onB.totals).toEqual(onA.totals);
    expect(onB.series).toEqual(onA.series);
    await api.dispose();
  });

  test("when one instance is killed mid-walk, the other finishes the report", async () => {
    const api = await playwrightRequest.newContext();
    const [a, b] = PORTS;
    await api.post(`${origin(a)}/api/auth/login`, {
      data: E2E_USER,
      headers: { origin: origin(a) },
    });
    const qs = `start=${addDays(E2E_TODAY, -300)}&end=${addDays(E2E_TODAY, -201)}&bucket=day`;
    // A starts the walk (its answer never comes), then dies without releasing anything.
    void api.get(`${origin(a)}/api/reports?${qs}`).catch(() => null);
    await expect.poll(() => upstreamCalls(apps.get(a)!), { timeout: 20_000 }).toBeGreaterThan(5);
    stop(apps.get(a), "SIGKILL");
    const killed = Date.now();
    const onB = await report(api, b, qs);
    const took = Date.now() - killed;
    expect(onB.totals.orders).toBeGreaterThan(0);
    expect(onB.series).toHaveLength(100);
    // Within the dead instance's leases (the upstream timeout and a few seconds) and the walk.
    expect(took).toBeLessThan(TIMEOUT_MS + 5000 + 30_000);
    // B walked what A had left: its own log shows calls.
    expect(upstreamCalls(apps.get(b)!)).toBeGreaterThan(0);
    await api.dispose();
  });
});
