// The report engine: one per process and account, built by the composition root (lib/server).
// Everything the route handlers need, on the order store and the recipients source; it knows
// nothing of HTTP requests, sessions or where its client points.
import "server-only";
import { LRUCache } from "lru-cache";
import { comparisonCutoff, comparisonRange, istanbulToday, type DateRange } from "@/lib/dates";
import type { IletimerkeziClient } from "@/lib/iletimerkezi/client";
import type { LogSink } from "@/lib/log";
import type { ProgressStore } from "@/lib/store/walk-progress";
import type { OrderQuery } from "@/lib/reports/contract/order-query";
import type { ReportQuery } from "@/lib/reports/contract/report-query";
import type {
  OrderDetailResponse,
  ProgressResponse,
  Recipient,
  ReportResponse,
} from "@/lib/reports/contract/types";
import { UpstreamError } from "@/lib/iletimerkezi/errors";
import { TooManyReportsError } from "./admission";
import { aggregateView } from "./aggregates";
import { Demand, type Requester } from "./demand";
import type { ExportQuery } from "@/lib/reports/contract/export-query";
import { exportOrders, exportRecipients } from "./export-file";
import type { OrderStore } from "./order-store";
import { sortedRows } from "./ordering";
import { ProgressBoard } from "./progress";
import { maskNumber, RecipientSource } from "./recipients";
import { NO_LABELS, type Labels } from "./labels";
import { buildReportFromView, loadView, type Comparison, type PreviousDays } from "./report";
import { labelView } from "./view";

export type EngineDeps = {
  client: IletimerkeziClient;
  store: OrderStore;
  now: () => Date;
  log: LogSink;
  /** Where progress is shared with other instances; none: this process only. */
  progress?: ProgressStore;
  /** A report request answers 504 after this long; its walk goes on while someone polls. */
  deadlineMs?: number;
  /** A walk nobody waits for or polls stops after this long (demand.ts). */
  abandonAfterMs?: number;
  /** The account's campaign labels (lib/store/label-cache.ts); none: no order has a label. */
  labels?: { current(): Promise<Labels> };
};

/** How long one report request may take before it answers 504 (the walk goes on for the cache). */
const REPORT_DEADLINE_MS = 120_000;
/** Who asks when a caller does not say (tests, the bench, the server's own prefetch). */
const ANONYMOUS: Requester = { user: "system" };

/** A comparison whose walk failed is not walked again for this long (the answer says so). */
const FAILED_COMPARISON_MS = 30_000;

export type Engine = ReturnType<typeof createEngine>;

export function createEngine({
  client,
  store,
  now,
  log,
  progress,
  deadlineMs = REPORT_DEADLINE_MS,
  abandonAfterMs,
  labels,
}: EngineDeps) {
  /** The labels as of now; a store that fails fails the answer (503), never a silent "no label". */
  const labelsNow = (): Promise<Labels> => (labels ? labels.current() : Promise.resolve(NO_LABELS));
  const recipients = new RecipientSource(client);
  const board = new ProgressBoard(progress, log);
  const background = new Set<Promise<void>>();
  const failedComparisons = new LRUCache<string, true>({ max: 1000, ttl: FAILED_COMPARISON_MS });
  const demand = new Demand(abandonAfterMs);

  /**
   * The comparison period's days when no upstream call is needed; else its walk starts (or is
   * joined) behind the range's, in the background: each poll of the report keeps it wanted.
   */
  async function previousDays(previous: DateRange, requester: Requester): Promise<PreviousDays> {
    const key = `${previous.start}..${previous.end}`;
    const cached = await store.cachedDays(previous);
    if (cached) return cached;
    if (failedComparisons.has(key)) return "failed";
    const interest = demand.interest(previous, requester.user, true);
    interest.close(); // nobody waits on it: it lives as long as the polls keep coming
    const walk = store.loadDays(previous, { interest }).then(
      () => {},
      (error: unknown) => {
        // Too many comparisons at once, or abandoned: a later poll starts it again.
        if (error instanceof TooManyReportsError || (error as Error)?.name === "AbandonedError")
          return;
        failedComparisons.set(key, true);
        log({
          event: "comparison_failed",
          start: previous.start,
          end: previous.end,
          error: error instanceof Error ? error.name : "unknown",
        });
      },
    );
    background.add(walk);
    void walk.finally(() => background.delete(walk));
    return "pending";
  }

  /** What the query's totals are compared with (lib/dates.ts), with its days if it has them. */
  async function comparisonOf(
    query: ReportQuery,
    requester: Requester,
  ): Promise<Comparison | null> {
    const at = now();
    const range = comparisonRange(query, query.compare, istanbulToday(at));
    if (!range) return null;
    const cutoff = comparisonCutoff(query, range, at);
    return { range, cutoff, days: await previousDays(range, requester) };
  }

  const shown =
    (query: OrderQuery) =>
    (r: Recipient): Recipient =>
      query.reveal ? r : { number: maskNumber(r.number), status: r.status };

  return {
    async report(query: ReportQuery, requester: Requester = ANONYMOUS): Promise<ReportResponse> {
      const interest = demand.interest(query, requester.user, false, requester.signal);
      const loading = loadView(store, query, query.refresh, board, interest);
      loading.catch(() => {}); // past the deadline, a failure is the next request's to report
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(tooLate(deadlineMs)), deadlineMs);
      });
      try {
        const view = await Promise.race([loading, late]);
        const comparison = await comparisonOf(query, requester);
        return buildReportFromView(query, view, comparison, await labelsNow(), now());
      } finally {
        clearTimeout(timer);
        interest.close();
      }
    },

    /** Resolves once no comparison is being walked in the background (tests, the bench). */
    async whenIdle(): Promise<void> {
      while (background.size > 0) await Promise.all(background);
    },

    /** The walk's progress; the poll also says the range is still being looked at. */
    progress(range: DateRange): Promise<ProgressResponse> {
      demand.touch(range);
      return board.read(range);
    },

    /**
     * The orders file (CSV or XLSX, export-file.ts) as a stream; the view is loaded (and may
     * fail) before it is returned.
     */
    async exportReport(
      query: ReportQuery,
      requester: Requester = ANONYMOUS,
      file?: ExportQuery,
    ): Promise<ReadableStream<Uint8Array>> {
      const interest = demand.interest(query, requester.user, false, requester.signal);
      let view;
      try {
        view = await store.loadView(query, { refresh: query.refresh, interest });
      } finally {
        interest.close();
      }
      labelView(view, await labelsNow());
      // The series' bucket plays no part in which rows are exported.
      const { selected, count } = aggregateView(view, query, "day");
      const rows = sortedRows(view, query.sort, selected, count, 0, count);
      return exportOrders(view, rows, query.sep, file, now());
    },

    /**
     * The ids of the orders a query's filters match (every page), at most `limit` of them, and how
     * many there are: what "label every order matching the filters" labels.
     */
    async matchingIds(
      query: ReportQuery,
      limit: number,
      requester: Requester = ANONYMOUS,
    ): Promise<{ ids: number[]; total: number }> {
      const interest = demand.interest(query, requester.user, false, requester.signal);
      let view;
      try {
        view = await store.loadView(query, { refresh: false, interest });
      } finally {
        interest.close();
      }
      labelView(view, await labelsNow());
      const { selected, count } = aggregateView(view, query, "day");
      const ids: number[] = [];
      for (let i = 0; i < view.cols.n && ids.length < limit; i++)
        if (selected[i]) ids.push(view.cols.id[i] as number);
      return { ids, total: count };
    },

    async order(query: OrderQuery): Promise<OrderDetailResponse> {
      let order: Omit<OrderDetailResponse["order"], "label">;
      let total: number;
      let items: Recipient[];
      if (query.status.length === 0) {
        ({ order, recipients: items } = await recipients.page(
          query.id,
          query.page,
          query.pageSize,
        ));
        total = order.total;
      } else {
        const all = await recipients.all(query.id);
        const wanted = new Set<number>(query.status);
        const matching = all.recipients.filter((r) => wanted.has(r.status));
        const offset = (query.page - 1) * query.pageSize;
        order = all.order;
        total = matching.length;
        items = matching.slice(offset, offset + query.pageSize);
      }
      const messages = {
        total,
        page: query.page,
        pageSize: query.pageSize,
        items: items.map(shown(query)),
      };
      const label = (await labelsNow()).byOrder.get(query.id) ?? null;
      return { order: { ...order, label }, messages };
    },

    /**
     * The recipients CSV as a stream, written page by page as get-report answers. The first page
     * is fetched before the stream is returned, so a failure there is an ordinary error answer. A
     * page that fails later can no longer change the status already sent: the stream errors, the
     * server aborts the response and the client sees a failed (cut-short) download rather than a
     * file that looks complete; it is logged here (the order id and the error's kind, no numbers).
     */
    async exportOrder(query: OrderQuery, file?: ExportQuery): Promise<ReadableStream<Uint8Array>> {
      const { order, pages } = await recipients.stream(query.id);
      const wanted = query.status.length ? new Set<number>(query.status) : null;
      return exportRecipients(
        query,
        order,
        {
          orderId: query.id,
          pages,
          keep: (r) => !wanted || wanted.has(r.status),
          show: shown(query),
          onError: (error) =>
            log({
              event: "export_failed",
              export: "recipients",
              orderId: query.id,
              error: error instanceof Error ? error.name : "unknown",
              kind: UpstreamError.is(error) ? error.kind : undefined,
            }),
        },
        file,
        now(),
      );
    },
  };
}

function tooLate(deadlineMs: number): UpstreamError {
  return new UpstreamError(
    "unavailable",
    `the report took longer than ${Math.round(deadlineMs / 1000)} s to load; it goes on loading in the background, so asking again soon picks up where it is`,
    null,
    true,
  );
}
