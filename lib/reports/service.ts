// The process-wide engine, built once from the validated environment. In demo mode the client
// talks to the built-in simulator through the same HTTP-shaped interface as the real API.
import "server-only";
import { env } from "@/lib/env";
import { createClient } from "@/lib/iletimerkezi/client";
import { logToStdout } from "@/lib/log";
import { createSimulator } from "@/lib/simulator";
import { createEngine, type Engine } from "./engine";

const DEMO_BASE_URL = "http://simulator.invalid/v1";

function build(): Engine {
  const config = env();
  let upstream = config.upstream;
  let fetchImpl: typeof fetch | undefined;
  if (!upstream) {
    const sim = createSimulator({ latencyMs: 20, jitterMs: 10 });
    const { key, secret } = sim.credentials();
    upstream = { baseUrl: DEMO_BASE_URL, key, secret };
    fetchImpl = (input, init) => sim.handle(new Request(input, init));
  }
  const client = createClient({
    ...upstream,
    timeoutMs: config.timeoutMs,
    concurrency: config.concurrency,
    fetch: fetchImpl,
    log: logToStdout,
  });
  return createEngine({
    client,
    concurrency: config.concurrency,
    now: () => new Date(),
    log: logToStdout,
    maxRangeDays: config.maxRangeDays,
  });
}

// Kept on globalThis so dev-mode module reloads keep the cache and the limiter.
const holder = globalThis as typeof globalThis & { __reportEngine?: Engine };

export function engine(): Engine {
  holder.__reportEngine ??= build();
  return holder.__reportEngine;
}

/** Route tests swap in an engine wired to their own simulator and clock. */
export function setEngineForTesting(replacement: Engine | undefined): void {
  holder.__reportEngine = replacement;
}
