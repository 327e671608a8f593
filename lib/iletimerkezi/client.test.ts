import { describe, expect, it } from "vitest";
import { createSimulator, type FaultKind } from "@/lib/simulator";
import { NOW } from "@/lib/testing/harness";
import { createClient, type ClientConfig } from "./client";
import { hashFromSecret } from "./hash";
import { UpstreamError } from "./errors";

let n = 0;
function setup(
  fault?: (ctx: { requestNumber: number }) => FaultKind | null,
  extra: Partial<ClientConfig> = {},
  sim = {},
) {
  const key = `client-test-${++n}`;
  const simulator = createSimulator({ key, now: () => NOW, fault, ...sim });
  const { secret } = simulator.credentials();
  const client = createClient({
    baseUrl: "http://sim.test/v1/",
    key,
    secret,
    timeoutMs: 200,
    concurrency: 4,
    backoffMs: 1,
    fetch: (input, init) => simulator.handle(new Request(input, init)),
    ...extra,
  });
  return { simulator, client };
}

const week = { start: "2026-04-20", end: "2026-04-26", page: 1 };

async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UpstreamError);
  return error as UpstreamError;
}

describe("iletiMerkezi client", () => {
  it("reads a page of orders", async () => {
    const { client, simulator } = setup();
    const page = await client.getReports(week);
    expect(page.orders).toHaveLength(30);
    const { price: _price, ...truth } = simulator.orders(week.start, week.end)[0]!;
    expect(page.orders[0]).toEqual(truth);
  });

  it("derives the hash from the secret as HMAC-SHA256 hex", () => {
    // RFC 4231 test case 2: HMAC-SHA256 with key "Jefe" (our secret) over the data (our API key).
    expect(hashFromSecret("what do ya want for nothing?", "Jefe")).toBe(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
    const sim = createSimulator({ key: "k", secret: "s" });
    expect(sim.credentials().hash).toBe(hashFromSecret("k", "s"));
  });

  it("accepts numbers as strings, string status codes and decimal-comma prices", async () => {
    const { client, simulator } = setup(undefined, {}, { numbersAsStrings: true });
    const page = await client.getReports(week);
    const { price: _price, ...truth } = simulator.orders(week.start, week.end)[0]!;
    expect(page.orders[0]).toEqual(truth);
    const id = page.orders[0]!.id;
    const report = await client.getReport({ id, page: 1, rowCount: 1000 });
    expect(report.order.id).toBe(id);
    expect(typeof report.order.price).toBe("number");
    expect(report.messages.length).toBe(report.order.total > 1000 ? 1000 : report.order.total);
  });

  it.each([
    [400, "rejected"],
    [401, "auth"],
    [404, "rejected"],
    [455, "not_found"],
    [456, "not_due"],
    [458, "date_range"],
    [464, "rejected"],
    [499, "rejected"],
  ] as const)("maps code %i to %s, with the HTTP status mirrored or not", async (code, kind) => {
    for (const mirror of [true, false]) {
      const { client, simulator } = setup(() => ({ code }), {}, { mirrorHttpStatus: mirror });
      const error = await failure(client.getReports(week));
      expect(error.kind).toBe(kind);
      expect(error.code).toBe(code);
      expect(simulator.stats().requests).toBe(1); // never retried
    }
  });

  it("treats an error code inside an HTTP 200 as the error", async () => {
    const { client } = setup(() => ({ code: 401, http: 200 }));
    expect((await failure(client.getReports(week))).kind).toBe("auth");
  });

  it("retries 503 with backoff and recovers", async () => {
    const { client, simulator } = setup(({ requestNumber }) =>
      requestNumber <= 2 ? "unavailable" : null,
    );
    const page = await client.getReports(week);
    expect(page.orders.length).toBe(30);
    expect(simulator.stats().requests).toBe(3);
  });

  it("gives up after three tries", async () => {
    const { client, simulator } = setup(() => "http500");
    const error = await failure(client.getReports(week));
    expect(error.kind).toBe("unavailable");
    expect(simulator.stats().requests).toBe(3);
  });

  it("times out a request that never answers, then retries it", async () => {
    const { client, simulator } = setup(({ requestNumber }) =>
      requestNumber === 1 ? "timeout" : null,
    );
    const started = Date.now();
    const page = await client.getReports(week);
    expect(page.orders.length).toBe(30);
    expect(simulator.stats().requests).toBe(2);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("reports a timeout that persists as unavailable", async () => {
    const { client } = setup(() => "timeout", { maxAttempts: 2 });
    const error = await failure(client.getReports(week));
    expect(error.kind).toBe("unavailable");
    expect(error.message).toMatch(/did not answer within 200 ms/);
  });

  it("retries a 200 whose body is not JSON like a 5xx, and calls it unavailable in the end", async () => {
    const { client, simulator } = setup(() => "malformed");
    const error = await failure(client.getReports(week));
    expect(error.kind).toBe("unavailable");
    expect(error.message).toMatch(/not JSON \(HTTP 200, cut short or garbled\)/);
    expect(simulator.stats().requests).toBe(3);
  });

  it("gets the page on the next try after one garbled 200", async () => {
    const { client, simulator } = setup(({ requestNumber }) =>
      requestNumber === 1 ? "malformed" : null,
    );
    expect((await client.getReports(week)).orders.length).toBeGreaterThan(0);
    expect(simulator.stats().requests).toBe(2);
  });

  it("calls a network failure unavailable", async () => {
    const client = createClient({
      baseUrl: "http://127.0.0.1:9/v1",
      key: "net-test",
      hash: "x",
      timeoutMs: 1000,
      concurrency: 1,
      backoffMs: 1,
    });
    expect((await failure(client.getReports(week))).kind).toBe("unavailable");
  });

  it("is strict about a missing counter and tolerant of extra fields", async () => {
    const mutate = (drop: boolean) => async (input: RequestInfo | URL, init?: RequestInit) => {
      const sim = createSimulator({ key: "mutate", now: () => NOW });
      const res = await sim.handle(
        new Request(input, {
          ...init,
          body: String(init?.body)
            .replace(/"key":"[^"]*"/, '"key":"mutate"')
            .replace(/"hash":"[^"]*"/, `"hash":"${sim.credentials().hash}"`),
        }),
      );
      const json = (await res.json()) as {
        response: { orders: Record<string, unknown>[]; extra?: unknown };
      };
      for (const o of json.response.orders) {
        if (drop) delete o.delivered;
        else o.operator = "Turkcell";
      }
      json.response.extra = { anything: true };
      return Response.json(json);
    };
    const base = { baseUrl: "http://sim.test/v1", hash: "h", timeoutMs: 1000, concurrency: 2 };
    const strict = createClient({ ...base, key: "drop", fetch: mutate(true) });
    const error = await failure(strict.getReports(week));
    expect(error.kind).toBe("bad_response");
    expect(error.message).toMatch(/orders\.0\.delivered/);
    const tolerant = createClient({ ...base, key: "extra", fetch: mutate(false) });
    expect((await tolerant.getReports(week)).orders).toHaveLength(30);
  });

  it("never has more than `concurrency` requests in flight, whoever asks", async () => {
    const { client, simulator } = setup(
      undefined,
      { concurrency: 3 },
      { latencyMs: 5, jitterMs: 4 },
    );
    const asks = Array.from({ length: 20 }, (_, i) => client.getReports({ ...week, page: i + 1 }));
    await Promise.all(asks);
    expect(simulator.stats().maxInFlight).toBe(3);
  });

  it("never puts the key or hash in an error message", async () => {
    const { client, simulator } = setup(() => ({ code: 401 }));
    const { key, hash } = simulator.credentials();
    const error = await failure(client.getReports(week));
    expect(error.message).not.toContain(key);
    expect(error.message).not.toContain(hash);
  });
});
