// The account's campaign labels for the label routes: the store's rows under the fingerprint of
// the API key in use. Kept apart from access.ts, which every session check loads, because the
// account comes from the composition root.
import "server-only";
import { labelStore, type LabelStore } from "@/lib/store/labels";
import { guarded } from "./access";
import { services } from "./services";
import { store } from "./store";

/** Runs `use` on the account's labels; 503 store_unavailable if the store fails. */
export async function withLabels<T>(use: (labels: LabelStore) => Promise<T>): Promise<T> {
  const { fingerprint } = await services();
  return guarded(
    async () => use(labelStore((await store()).db, fingerprint)),
    "labels can be neither read nor changed",
  );
}

/** Ids named in a bulk change's audit target; the count says how many there were in all. */
const NAMED_IDS = 5;

/**
 * What a label change was about, for the audit log: `order 312988299: label "Bayram 2026"`, or for
 * several `5000 orders (312988299, 312988300, …): label removed`. The ids come first, so the log's
 * cut at 300 characters can only shorten a very long label.
 */
export function labelAuditTarget(ids: readonly number[], label: string | null): string {
  const distinct = [...new Set(ids)];
  const what = label === null ? "label removed" : `label "${label}"`;
  if (distinct.length === 1) return `order ${distinct[0]}: ${what}`;
  const named = distinct.slice(0, NAMED_IDS).join(", ");
  const more = distinct.length > NAMED_IDS ? ", …" : "";
  return `${distinct.length} orders (${named}${more}): ${what}`;
}
