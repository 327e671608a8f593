// The store the app opened at start (lib/startup.ts), held for the whole process: routes and pages
// are bundled apart, the store is one.
import "server-only";
import { env } from "@/lib/env";
import { logToStdout } from "@/lib/log";
import { openStore, type Store } from "@/lib/store/open";

const holder = globalThis as typeof globalThis & { __store?: Promise<Store> };

/** Opens the store once (migrating it); later calls get the same one. Rejects with one line. */
export function store(): Promise<Store> {
  holder.__store ??= openStore({ ...env().store, log: logToStdout });
  return holder.__store;
}

/** Route tests use a store of their own (a temporary folder). */
export function setStoreForTesting(replacement: Store | undefined): void {
  holder.__store = replacement && Promise.resolve(replacement);
}
