// Transport trouble on demand: latency, a targeted fault hook, and seeded fault rates. Draws are a
// pure function of (seed, request number) so a flaky run replays exactly.
import { unit } from "./random";
import type { FaultContext, FaultKind, SimulatorOptions } from "./types";
import { envelope, htmlError, malformed } from "./wire";

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The operation was aborted.", "AbortError");
}

/** Waits `ms`, or rejects as soon as `signal` aborts. */
export function wait(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(abortError(signal));
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

export function latencyFor(o: SimulatorOptions, requestNumber: number): number {
  const jitter = (2 * unit(o.seed, requestNumber, 0x1a7) - 1) * o.jitterMs;
  return Math.max(0, o.latencyMs + jitter);
}

const RATE_KINDS = ["unavailable", "http500", "timeout", "malformed"] as const;

export function chooseFault(o: SimulatorOptions, ctx: FaultContext): FaultKind | null {
  const targeted = o.fault?.(ctx);
  if (targeted) return targeted;
  const u = unit(o.seed, ctx.requestNumber, 0xfa17);
  let edge = 0;
  for (const kind of RATE_KINDS) {
    edge += o.faultRates[kind] ?? 0;
    if (u < edge) return kind;
  }
  return null;
}

export async function faultResponse(
  kind: FaultKind,
  o: SimulatorOptions,
  signal: AbortSignal,
): Promise<Response> {
  if (typeof kind === "object")
    return envelope(kind.code, o, {}, { message: kind.message, http: kind.http });
  switch (kind) {
    case "unavailable":
      return envelope(503, o);
    case "http500":
      return htmlError(500);
    case "malformed":
      return malformed();
    case "timeout":
      await wait(o.hangMs, signal);
      // Nobody gave up within hangMs: end the hang the way an overloaded upstream would.
      return envelope(503, o);
  }
}
