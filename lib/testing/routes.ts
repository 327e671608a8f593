// Route handlers called directly with plain Requests, against services wired to a simulator.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll } from "vitest";
import { silent } from "@/lib/log";
import { setStoreForTesting } from "@/lib/server/store";
import { openStore, type Store } from "@/lib/store/open";
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

/**
 * The routes' store for a test file: an embedded one in a temporary folder, removed after the
 * file. `close` takes it away (a store outage); `reopen` opens the same folder again.
 */
export function temporaryStore(prefix: string) {
  const dataDir = mkdtempSync(join(tmpdir(), `imr-${prefix}-`));
  let current: Store | undefined;
  const reopen = async () => {
    current = await openStore({ dataDir, log: silent });
    setStoreForTesting(current);
    return current;
  };
  beforeAll(reopen);
  afterAll(async () => {
    setStoreForTesting(undefined);
    await current?.close().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { reopen, close: () => current!.close() };
}
