// Property-based: whatever the query, every answer is a 200 or a 4xx JSON error with a code —
// never a 500, never a hang.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setServicesForTesting } from "@/lib/server/services";
import { harness } from "@/lib/testing/harness";
import { signedIn } from "@/lib/testing/session";
import { GET as audit } from "./audit/route";
import { GET as labels, POST as labelMany } from "./labels/route";
import { PUT as label } from "./orders/[id]/label/route";
import { GET as orderExport } from "./orders/[id]/export/route";
import { GET as order } from "./orders/[id]/route";
import { GET as reportsExport } from "./reports/export/route";
import { GET as reports } from "./reports/route";

beforeAll(() => setServicesForTesting(harness({ ordersPerDay: 8 }).services));
afterAll(() => setServicesForTesting(undefined));

const REPORT_KEYS = [
  "start",
  "end",
  "sender",
  "status",
  "q",
  "sort",
  "page",
  "pageSize",
  "refresh",
  "sep",
];
const ORDER_KEYS = ["page", "pageSize", "status", "reveal", "sep"];
const AUDIT_KEYS = ["limit", "before", "user", "action"];

const value = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.constantFrom(
    "",
    "0",
    "-1",
    "1e9",
    "NaN",
    "2026-02-30",
    "2026-04-01",
    "2025-04-30",
    "-total",
    "113,114",
    "110",
    ",,",
    "%",
    "%00",
    "100",
    "1764236000000.0000abc",
    "reveal",
    "login",
  ),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc
    .date({ min: new Date("1990-01-01"), max: new Date("2100-01-01"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);

const query = (keys: string[]) =>
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...keys), fc.string()), value), { maxLength: 8 })
    .map((pairs) => {
      const params = new URLSearchParams();
      for (const [k, v] of pairs) params.append(k, v);
      return params.toString();
    });

const orderId = fc.oneof(
  fc.string(),
  fc.nat().map(String),
  fc.bigInt({ min: 0n, max: 10n ** 25n }).map(String),
  fc.constantFrom("0", "-1", "312000001", "1e5", "%2F", "..", "abc"),
);

async function check(res: Response) {
  expect(res.status === 200 || (res.status >= 400 && res.status < 500)).toBe(true);
  if (res.status !== 200) {
    const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof body.error?.code).toBe("string");
    expect(typeof body.error?.message).toBe("string");
  } else await res.arrayBuffer();
}

const ctx = (id?: string) => ({ params: Promise.resolve(id === undefined ? {} : { id }) }) as never;
const url = (path: string, qs: string) => `http://127.0.0.1:3000${path}?${qs}`;

describe("never a 500, whatever the query", () => {
  it("GET /api/reports", async () => {
    await fc.assert(
      fc.asyncProperty(query(REPORT_KEYS), async (qs) =>
        check(await reports(await signedIn(url("/api/reports", qs)), ctx())),
      ),
      { numRuns: 300 },
    );
  });

  it("GET /api/reports/export", async () => {
    await fc.assert(
      fc.asyncProperty(query(REPORT_KEYS), async (qs) =>
        check(await reportsExport(await signedIn(url("/api/reports/export", qs)), ctx())),
      ),
      { numRuns: 150 },
    );
  });

  it("GET /api/orders/{id} and its export", async () => {
    await fc.assert(
      fc.asyncProperty(orderId, query(ORDER_KEYS), async (id, qs) => {
        const path = `/api/orders/${encodeURIComponent(id)}`;
        await check(await order(await signedIn(url(path, qs)), ctx(id)));
        await check(await orderExport(await signedIn(url(`${path}/export`, qs)), ctx(id)));
      }),
      { numRuns: 200 },
    );
  });

  it("PUT /api/orders/{id}/label, POST /api/labels and GET /api/labels", async () => {
    const idList = fc.array(fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null)), {
      maxLength: 20,
    });
    const body = fc.oneof(
      fc.string(),
      fc.string({ unit: "binary" }),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc
        .record(
          { label: fc.oneof(fc.string({ unit: "binary" }), fc.constant(null), fc.jsonValue()) },
          { requiredKeys: [] },
        )
        .map((v) => JSON.stringify(v)),
      fc
        .record({ label: fc.oneof(fc.string(), fc.constant(null)), ids: idList })
        .map((v) => JSON.stringify(v)),
    );
    const write = (path: string, method: string, text: string) =>
      signedIn(`http://127.0.0.1:3000${path}`, {
        method,
        body: text,
        headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" },
      });
    await fc.assert(
      fc.asyncProperty(orderId, body, query(["prefix", "limit"]), async (id, text, qs) => {
        const path = `/api/orders/${encodeURIComponent(id)}/label`;
        await check(await label(await write(path, "PUT", text), ctx(id)));
        await check(await labelMany(await write("/api/labels", "POST", text), ctx()));
        await check(await labels(await signedIn(url("/api/labels", qs)), ctx()));
      }),
      { numRuns: 200 },
    );
  });

  it("GET /api/audit", async () => {
    await fc.assert(
      fc.asyncProperty(query(AUDIT_KEYS), async (qs) =>
        check(await audit(await signedIn(url("/api/audit", qs)), ctx())),
      ),
      { numRuns: 200 },
    );
  });
});
