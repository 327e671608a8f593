// Test wiring: a simulator reached through the real client, as demo mode does it.
import { createClient } from "@/lib/iletimerkezi/client";
import { silent, type LogFields } from "@/lib/log";
import { createEngine } from "@/lib/reports/engine";
import { createSimulator, type SimulatorOptions } from "@/lib/simulator";

export const NOW = new Date("2026-04-29T12:00:00+03:00");

let accounts = 0;

export function harness(
  simOptions: Partial<SimulatorOptions> = {},
  opts: {
    concurrency?: number;
    timeoutMs?: number;
    maxAttempts?: number;
    maxRangeDays?: number;
    /** Rewrites the simulator's answers (e.g. odd sender names). */
    mapResponse?: (json: unknown) => unknown;
  } = {},
) {
  // A distinct key per harness: the limiter is per account and process-wide.
  const key = `test-key-${++accounts}`;
  const sim = createSimulator({ now: () => NOW, key, ...simOptions });
  const { secret } = sim.credentials();
  const logs: LogFields[] = [];
  const log = (f: LogFields) => void logs.push(f);
  const concurrency = opts.concurrency ?? 4;
  const client = createClient({
    baseUrl: "http://simulator.test/v1",
    key,
    secret,
    timeoutMs: opts.timeoutMs ?? 5000,
    concurrency,
    fetch: async (input, init) => {
      const res = await sim.handle(new Request(input, init));
      if (!opts.mapResponse || res.status !== 200) return res;
      return Response.json(opts.mapResponse(await res.json()));
    },
    backoffMs: 1,
    maxAttempts: opts.maxAttempts,
    log: silent,
  });
  const engine = createEngine({
    client,
    concurrency,
    now: () => sim.options.now(),
    log,
    maxRangeDays: opts.maxRangeDays ?? 366,
  });
  return { sim, client, engine, logs };
}
