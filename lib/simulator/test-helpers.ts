// Shared by the simulator's tests: talk to the handler exactly as a client would, over JSON.
import type { Simulator } from "./types";

const BASE = "http://sim.test/v1";

export type Answer = { http: number; code: unknown; body: any; text: string };

export async function post(
  sim: Simulator,
  endpoint: string,
  request: unknown,
  init: RequestInit = {},
): Promise<Answer> {
  const res = await sim.handle(
    new Request(`${BASE}/${endpoint}/json`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: typeof request === "string" ? request : JSON.stringify({ request }),
      ...init,
    }),
  );
  const text = await res.text();
  let body: any = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Left null: some tests expect a non-JSON body.
  }
  return { http: res.status, code: body?.response?.status?.code, body, text };
}

export function auth(sim: Simulator) {
  const { key, hash } = sim.credentials();
  return { key, hash };
}

export function reports(sim: Simulator, filter: Record<string, unknown>): Promise<Answer> {
  return post(sim, "get-reports", { authentication: auth(sim), filter });
}

export function report(sim: Simulator, order: Record<string, unknown>): Promise<Answer> {
  return post(sim, "get-report", { authentication: auth(sim), order });
}

/** Every order of a range, walking pages until an empty one, as a client must. */
export async function walk(
  sim: Simulator,
  start: string,
  end: string,
  maxPages = 10_000,
): Promise<any[]> {
  const out: any[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const a = await reports(sim, { start, end, page });
    if (a.code !== 200) throw new Error(`page ${page}: ${a.text}`);
    if (a.body.response.orders.length === 0) return out;
    out.push(...a.body.response.orders);
  }
  throw new Error("paging never ended");
}

export const at = (iso: string) => () => new Date(iso);
