// The account's labels in memory, for the report engine: a report over a year (~100k orders, any
// number of labels) costs one primary-key lookup of the label revision when nothing changed, and
// one read of the account's labels when something did, on this instance or another.
import "server-only";
import type { LabelSnapshot, LabelStore } from "./labels";

export type LabelCache = {
  /**
   * The labels as of now: every labelled order id → its label (an order missing from the map has
   * none), and the revision they were read at.
   *
   * For the engine: call it once per report (or order detail) and use the map for the whole
   * answer, so totals, campaigns and the table agree. It never answers older than the last change
   * committed before the call, on any instance: a label set through the API shows in the next
   * report. The map is shared and must not be modified; the same object comes back while the
   * revision holds, so `revision` (or the map's identity) can key anything derived from it, e.g.
   * per-label aggregates cached with a day's columns. Rejects when the store fails (the route's
   * guard turns that into 503 store_unavailable, or the engine may choose to go on without labels).
   */
  current(): Promise<LabelSnapshot>;
};

/** Wraps a label store (lib/store/labels.ts labelStore(db, account)) with the in-memory copy. */
export function labelCache(store: Pick<LabelStore, "revision" | "snapshot">): LabelCache {
  let cached: LabelSnapshot | null = null;
  /** One read of the rows at a time, shared by the callers that need it. */
  let loading: Promise<LabelSnapshot> | null = null;

  const keep = (snapshot: LabelSnapshot) => {
    if (!cached || snapshot.revision > cached.revision) cached = snapshot;
    return cached;
  };

  return {
    async current() {
      const revision = await store.revision();
      if (cached && cached.revision >= revision) return cached;
      loading ??= store
        .snapshot()
        .then(keep)
        .finally(() => (loading = null));
      const shared = await loading;
      if (shared.revision >= revision) return shared;
      // That read began before the change this caller saw was committed: one of its own.
      return keep(await store.snapshot());
    },
  };
}
