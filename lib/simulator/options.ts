// Defaults and sanity limits for the knobs, so a bad CLI flag fails loudly instead of misbehaving.
import { createHmac } from "node:crypto";
import type { SimulatorOptions } from "./types";

export const DEFAULT_OPTIONS: SimulatorOptions = {
  seed: 1,
  key: "demo-key",
  secret: "demo-secret",
  now: () => new Date(),
  ordersPerDay: 120,
  pageSize: 30,
  countMode: "page",
  maxGapDays: 10,
  mirrorHttpStatus: true,
  numbersAsStrings: false,
  sort: "asc",
  duplicateAcrossPages: false,
  endlessPaging: false,
  inventedPaging: false,
  oversizedPage: 0,
  latencyMs: 0,
  jitterMs: 0,
  faultRates: {},
  hangMs: 120_000,
  balanceFormat: "string",
  sendersFormat: "list",
};

/** Ids leave room for 10,000 orders a day; keep the mean well under it. */
const MAX_ORDERS_PER_DAY = 5000;

function check(ok: boolean, message: string): void {
  if (!ok) throw new RangeError(`simulator: ${message}`);
}

export function resolveOptions(
  base: SimulatorOptions,
  patch: Partial<SimulatorOptions>,
): SimulatorOptions {
  const o: SimulatorOptions = {
    ...base,
    ...patch,
    faultRates: { ...(patch.faultRates ?? base.faultRates) },
  };
  check(Number.isInteger(o.seed), "seed must be an integer");
  check(
    o.ordersPerDay >= 0 && o.ordersPerDay <= MAX_ORDERS_PER_DAY,
    `ordersPerDay must be 0..${MAX_ORDERS_PER_DAY}`,
  );
  check(Number.isInteger(o.pageSize) && o.pageSize >= 1, "pageSize must be an integer ≥ 1");
  check(Number.isInteger(o.maxGapDays) && o.maxGapDays >= 0, "maxGapDays must be an integer ≥ 0");
  check(
    Number.isInteger(o.oversizedPage) && o.oversizedPage >= 0,
    "oversizedPage must be an integer ≥ 0",
  );
  check(
    o.latencyMs >= 0 && o.jitterMs >= 0 && o.hangMs >= 0,
    "latencyMs, jitterMs and hangMs must be ≥ 0",
  );
  check(["page", "total"].includes(o.countMode), "countMode must be page or total");
  check(["asc", "desc", "shuffled"].includes(o.sort), "sort must be asc, desc or shuffled");
  check(
    ["string", "number", "comma", "grouped", "missing"].includes(o.balanceFormat),
    "balanceFormat must be string, number, comma, grouped or missing",
  );
  check(
    ["list", "single", "objects", "flat"].includes(o.sendersFormat),
    "sendersFormat must be list, single, objects or flat",
  );
  for (const [kind, rate] of Object.entries(o.faultRates)) {
    check(rate === undefined || (rate >= 0 && rate <= 1), `faultRates.${kind} must be 0..1`);
  }
  return o;
}

/** The hash the accepted key needs: lowercase hex HMAC-SHA256(secret, key). */
export function expectedHash(options: Pick<SimulatorOptions, "key" | "secret">): string {
  return createHmac("sha256", options.secret).update(options.key).digest("hex");
}
