// The report engine: one per process and account, built by the composition root (lib/server).
// Everything the route handlers need, on the order store and the recipients source; it knows
// nothing of HTTP requests, sessions or where its client points.
import "server-only";
import type { DateRange } from "@/lib/dates";
import type { IletimerkeziClient } from "@/lib/iletimerkezi/client";
import type { OrderQuery } from "@/lib/reports/contract/order-query";
import type { ReportQuery } from "@/lib/reports/contract/report-query";
import type {
  OrderDetailResponse,
  ProgressResponse,
  Recipient,
  ReportResponse,
} from "@/lib/reports/contract/types";
import { aggregateView } from "./aggregates";
import { ordersCsv, recipientsCsv } from "./export";
import type { OrderStore } from "./order-store";
import { sortedRows } from "./ordering";
import { ProgressBoard } from "./progress";
import { maskNumber, RecipientSource } from "./recipients";
import { buildReportFromView, loadViewWithPrevious } from "./report";

export type EngineDeps = {
  client: IletimerkeziClient;
  store: OrderStore;
  now: () => Date;
};

export type Engine = ReturnType<typeof createEngine>;

export function createEngine({ client, store, now }: EngineDeps) {
  const recipients = new RecipientSource(client);
  const board = new ProgressBoard();

  const shown =
    (query: OrderQuery) =>
    (r: Recipient): Recipient =>
      query.reveal ? r : { number: maskNumber(r.number), status: r.status };

  return {
    async report(query: ReportQuery): Promise<ReportResponse> {
      const { view, previous } = await loadViewWithPrevious(store, query, query.refresh, board);
      return buildReportFromView(query, view, previous, now());
    },

    progress(range: DateRange): ProgressResponse {
      return board.read(range);
    },

    async exportReport(query: ReportQuery): Promise<string> {
      const view = await store.loadView(query, { refresh: query.refresh });
      const { selected, count } = aggregateView(view, query);
      return ordersCsv(view, sortedRows(view, query.sort, selected, count, 0, count), query.sep);
    },

    async order(query: OrderQuery): Promise<OrderDetailResponse> {
      let order: OrderDetailResponse["order"];
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
      return { order, messages };
    },

    async exportOrder(query: OrderQuery): Promise<string> {
      const { recipients: all } = await recipients.all(query.id);
      const wanted = query.status.length ? new Set<number>(query.status) : null;
      return recipientsCsv(
        all.filter((r) => !wanted || wanted.has(r.status)).map(shown(query)),
        query.sep,
      );
    },
  };
}
