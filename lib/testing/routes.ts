// Route handlers called directly with plain Requests, against services wired to a simulator.
import { afterEach } from "vitest";
import { setServicesForTesting } from "@/lib/server/services";
import type { SimulatorOptions } from "@/lib/simulator";
import { harness } from "./harness";
import { signedIn } from "./session";

afterEach(() => setServicesForTesting(undefined));

type Opts = Parameters<typeof harness>[1];

/** A harness whose services the routes use until the test ends. */
export function use(sim: Partial<SimulatorOptions> = {}, opts: Opts = {}) {
  const h = harness(sim, opts);
  setServicesForTesting(h.services);
  return h;
}

export const noParams = { params: Promise.resolve({}) } as never;
export const orderCtx = (id: string) => ({ params: Promise.resolve({ id }) });

/** A signed-in GET of a path on the dashboard. */
export const get = (path: string) => signedIn(`http://127.0.0.1:3000${path}`);

export async function errorOf(res: Response) {
  const body = (await res.json()) as { error: { code: string; message: string } };
  return { status: res.status, ...body.error };
}
