import { afterEach, describe, expect, it } from "vitest";
import { createSimulator } from "./index";
import { startSimulatorServer } from "./server";

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe("simulator server", () => {
  it("serves the API over real HTTP on a random port and closes", async () => {
    const sim = createSimulator({ now: () => new Date("2026-04-29T12:00:00+03:00") });
    const server = await startSimulatorServer(sim, { port: 0 });
    servers.push(server);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const res = await fetch(`${server.url}/get-reports/json`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        request: {
          authentication: sim.credentials(),
          filter: { start: "2026-04-20", end: "2026-04-20", page: 1 },
        },
      }),
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.response.orders[0].id).toBe(sim.orders("2026-04-20", "2026-04-20")[0]!.id);
    const bad = await fetch(`${server.url}/get-reports/json`, { method: "POST", body: "{" });
    expect(bad.status).toBe(400);
  });

  it("aborts a hanging request when the client gives up, and still closes promptly", async () => {
    const sim = createSimulator({ fault: () => "timeout" });
    const server = await startSimulatorServer(sim, { port: 0, host: "127.0.0.1" });
    servers.push(server);
    await expect(
      fetch(`${server.url}/get-report/json`, {
        method: "POST",
        body: "{}",
        signal: AbortSignal.timeout(100),
      }),
    ).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 50));
    expect(sim.stats().inFlight).toBe(0);
    const t0 = Date.now();
    await server.close();
    servers.length = 0;
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});
