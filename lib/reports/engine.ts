// The report engine: one per process and account. Everything the route handlers need, built on
// the iletiMerkezi client; no knowledge of HTTP requests or sessions.
import { istanbulToday, wallTimestamp, type DateRange } from "@/lib/dates";
import type { IletimerkeziClient } from "@/lib/iletimerkezi/client";
import type { LogSink } from "@/lib/log";
import { deliveryRate } from "./aggregate";
import { ODD } from "./columns";
import { csvCell, csvFromLines, toCsv, type Separator } from "./csv";
import { OrderStore } from "./order-store";
import type { OrderQuery } from "./order-query";
import { maskNumber, RecipientSource } from "./recipients";
import { buildReportFromView, loadViewWithPrevious, rangeKey, type ProgressBoard } from "./report";
import { parseReportQuery, type ReportQuery } from "./search-params";
import { aggregateView, sortedRows } from "./view";
import type { OrderDetailResponse, ProgressResponse, ReportResponse } from "./types";

export type EngineDeps = {
  client: IletimerkeziClient;
  concurrency: number;
  now: () => Date;
  log: LogSink;
  maxRangeDays: number;
};

const PROGRESS_KEEP_MS = 60_000;

const EXPORT_HEADER = ["id", "status", "submitAt", "sendAt", "sender", "total", "delivered", "undelivered", "waiting", "deliveryRate"];

export type Engine = ReturnType<typeof createEngine>;

export function createEngine(deps: EngineDeps) {
  const store = new OrderStore(deps);
  const recipients = new RecipientSource(deps.client);
  const board: ProgressBoard = new Map();

  const today = () => istanbulToday(deps.now());

  function sweepBoard() {
    const cutoff = Date.now() - PROGRESS_KEEP_MS;
    for (const [key, p] of board) if (p.finishedAt !== undefined && p.finishedAt < cutoff) board.delete(key);
  }

  return {
    store,
    today,
    parseReportQuery: (params: URLSearchParams) => parseReportQuery(params, today(), deps.maxRangeDays),

    async report(query: ReportQuery): Promise<ReportResponse> {
      sweepBoard();
      const { view, previous } = await loadViewWithPrevious(store, query, query.refresh, board);
      return buildReportFromView(query, view, previous, deps.now());
    },

    progress(range: DateRange): ProgressResponse {
      const p = board.get(rangeKey(range));
      if (!p) return { active: false, windows: { total: 0, done: 0 } };
      return { active: p.finishedAt === undefined, windows: { total: p.total, done: p.done } };
    },

    async exportReport(query: ReportQuery): Promise<string> {
      const view = await store.loadView(query, { refresh: query.refresh });
      const { selected, count } = aggregateView(view, query);
      const sep: Separator = query.sep ?? ";";
      const senders = view.dict.names.map((name) => csvCell(name, sep));
      const c = view.cols;
      const stamp = (v: number, i: number, which: 0 | 1) =>
        v === ODD ? csvCell(c.odd?.get(i)?.[which] ?? "", sep) : wallTimestamp(v);
      // Wall-clock timestamps are digits, "-", " " and ":": csvCell would return them as they are.
      const lines = sortedRows(view, query.sort, selected, count, 0, count).map((i) => {
        const delivered = c.delivered[i] as number;
        const undelivered = c.undelivered[i] as number;
        const rate = deliveryRate(delivered, undelivered);
        return [
          c.id[i],
          c.status[i],
          stamp(c.submit[i] as number, i, 0),
          stamp(c.send[i] as number, i, 1),
          senders[c.sender[i] as number],
          c.total[i],
          delivered,
          undelivered,
          c.waiting[i],
          rate === null ? "" : Number(rate.toFixed(4)),
        ].join(sep);
      });
      return csvFromLines(EXPORT_HEADER, lines, sep);
    },

    async order(query: OrderQuery): Promise<OrderDetailResponse> {
      const show = (n: string) => (query.reveal ? n : maskNumber(n));
      if (query.status.length === 0) {
        const { order, recipients: page } = await recipients.page(query.id, query.page, query.pageSize);
        return {
          order,
          messages: {
            total: order.total,
            page: query.page,
            pageSize: query.pageSize,
            items: page.map((r) => ({ number: show(r.number), status: r.status })),
          },
        };
      }
      const { order, recipients: all } = await recipients.all(query.id);
      const wanted = new Set(query.status);
      const matching = all.filter((r) => wanted.has(r.status));
      const offset = (query.page - 1) * query.pageSize;
      return {
        order,
        messages: {
          total: matching.length,
          page: query.page,
          pageSize: query.pageSize,
          items: matching.slice(offset, offset + query.pageSize).map((r) => ({ number: show(r.number), status: r.status })),
        },
      };
    },

    async exportOrder(query: OrderQuery): Promise<string> {
      const { recipients: all } = await recipients.all(query.id);
      const wanted = query.status.length ? new Set(query.status) : null;
      const rows = all
        .filter((r) => !wanted || wanted.has(r.status))
        .map((r) => [query.reveal ? r.number : maskNumber(r.number), r.status]);
      return toCsv(["number", "status"], rows, query.sep);
    },

    /** For tests: whether a report over the range would need no upstream call. */
    isCached: (range: DateRange) => store.isCached(range),
  };
}
