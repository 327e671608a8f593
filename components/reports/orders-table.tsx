"use client";
// The order table: sortable headers, one row per order; a row opens the order.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { OrderStatusBadge } from "@/components/ui/status-badge";
import { RateBar } from "@/components/ui/rate-bar";
import { ArrowDownIcon, ArrowUpIcon } from "@/components/ui/icons";
import { interpolate } from "@/lib/i18n/config";
import { useI18n } from "@/lib/i18n/context";
import type { Sort, SortField } from "@/lib/reports/contract/report-query";
import { deliveryRate } from "@/lib/reports/contract/statuses";
import type { Order } from "@/lib/reports/contract/types";
import { orderHref } from "@/lib/client/order-queries";
import { LabelChip } from "@/components/labels/label-editor";
import { useMediaQueryOnClient } from "@/lib/client/use-media-query";

type TableText = ReturnType<typeof useI18n>["t"]["table"];

type Column = {
  field: SortField;
  /** A plain text of `t.table`, not a `{ one, other }` pair. */
  label: { [K in keyof TableText]: TableText[K] extends string ? K : never }[keyof TableText];
  numeric?: boolean;
};

/** The sortable fields in table order, with their header text (the phone cards' sort menu too). */
export const COLUMNS: Column[] = [
  { field: "id", label: "id" },
  { field: "submitAt", label: "submitted" },
  { field: "sendAt", label: "sent" },
  { field: "sender", label: "sender" },
  { field: "status", label: "status" },
  { field: "total", label: "total", numeric: true },
  { field: "delivered", label: "delivered", numeric: true },
  { field: "undelivered", label: "undelivered", numeric: true },
  { field: "waiting", label: "waiting", numeric: true },
  { field: "deliveryRate", label: "rate" },
];

/** Text columns sort A→Z first; numbers and times show the largest/latest first. */
function nextSort(current: Sort, field: SortField): Sort {
  if (current === field) return `-${field}`;
  if (current === `-${field}`) return field;
  return field === "sender" || field === "status" ? field : `-${field}`;
}

const rate = (order: Order) => deliveryRate(order.delivered, order.undelivered);

/**
 * Whether the table (640 px and wider, Tailwind's `sm`) rather than the cards shows; undefined in
 * the server's HTML and while hydrating, where both have their rows and CSS picks one.
 */
export function useWideLayout(): boolean | undefined {
  return useMediaQueryOnClient("(min-width: 640px)");
}

/** What the table and its phone form, the cards (orders-cards.tsx), are given. */
export type OrdersListProps = {
  items: Order[];
  sort: Sort;
  onSort: (sort: Sort) => void;
  reportHref: string;
  dimmed: boolean;
  /** Rows that can be picked for labelling (only for those who may label). */
  selection?: RowSelection;
};

/** The picked rows of the page on screen, for a label on several orders at once. */
export type RowSelection = {
  ids: ReadonlySet<number>;
  toggle: (id: number) => void;
  /** Picks every row of the page, or none when all are picked. */
  togglePage: () => void;
};

export function OrdersTable({
  items,
  sort,
  onSort,
  reportHref,
  dimmed,
  selection,
}: OrdersListProps) {
  const { t, fmt } = useI18n();
  const router = useRouter();
  // Rows only where they show: rendering the hidden form's 50 rows too cost every sort and page.
  const rows = useWideLayout() !== false;
  return (
    // Under 640 px the order cards (orders-cards.tsx) stand in for the table: CSS hides one, and
    // once the browser knows its width the hidden one has no rows.
    <div
      className="relative hidden max-w-full overflow-x-auto sm:block"
      data-testid="orders-table-wrap"
    >
      <table
        className={`w-full min-w-[60rem] border-collapse text-sm transition-opacity ${dimmed ? "opacity-60" : ""}`}
        aria-busy={dimmed}
        data-testid="orders-table"
      >
        <caption className="sr-only">{t.table.caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs text-slate-600 dark:border-slate-800 dark:text-slate-300">
            {selection ? (
              <th scope="col" className="w-8 py-2 pl-3">
                <input
                  type="checkbox"
                  className="size-4 accent-indigo-600"
                  aria-label={t.labels.selectPage}
                  checked={items.length > 0 && items.every((o) => selection.ids.has(o.id))}
                  onChange={selection.togglePage}
                  data-testid="select-page"
                />
              </th>
            ) : null}
            {COLUMNS.map((col) => {
              const active =
                sort === col.field
                  ? "ascending"
                  : sort === `-${col.field}`
                    ? "descending"
                    : undefined;
              const label = t.table[col.label];
              return (
                <th
                  key={col.field}
                  scope="col"
                  aria-sort={active ?? "none"}
                  className={`px-3 py-2 font-medium whitespace-nowrap ${col.numeric ? "text-right" : ""}`}
                >
                  <button
                    type="button"
                    onClick={() => onSort(nextSort(sort, col.field))}
                    className={`inline-flex items-center gap-1 rounded px-1 py-0.5 hover:text-slate-900 dark:hover:text-white ${active ? "font-semibold text-slate-900 dark:text-white" : ""}`}
                    data-testid={`sort-${col.field}`}
                  >
                    {label}
                    {col.field === "submitAt" || col.field === "sendAt" ? (
                      <span className="sr-only"> ({t.app.istanbul})</span>
                    ) : null}
                    {active === "ascending" ? <ArrowUpIcon className="size-3" /> : null}
                    {active === "descending" ? <ArrowDownIcon className="size-3" /> : null}
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {(rows ? items : []).map((order, row) => {
            const href = orderHref(order.id, reportHref);
            return (
              // Keyed by position: a sort or a page writes new text into the same 50 rows instead
              // of moving or replacing them, which the browser restyles and lays out for less.
              <tr
                key={row}
                className="cursor-pointer border-b border-slate-100 last:border-0 hover:bg-slate-50 dark:border-slate-800/70 dark:hover:bg-slate-800/50"
                onClick={(e) => {
                  if ((e.target as HTMLElement).closest("a, input")) return;
                  router.push(href);
                }}
                data-testid="order-row"
              >
                {selection ? (
                  <td className="py-2 pl-3">
                    <input
                      type="checkbox"
                      className="size-4 accent-indigo-600"
                      aria-label={interpolate(t.labels.selectRow, { id: order.id })}
                      checked={selection.ids.has(order.id)}
                      onChange={() => selection.toggle(order.id)}
                      data-testid="select-row"
                    />
                  </td>
                ) : null}
                <td
                  className="px-3 py-2 font-mono text-xs whitespace-nowrap"
                  data-testid="order-id"
                >
                  {/* No prefetch: a sort, filter or page gives all 50 links new addresses (they
                      carry the report's), and the router prefetched every one in view in one task
                      (bench item 11); the order page is rendered per request anyway. */}
                  <Link
                    href={href}
                    prefetch={false}
                    className="rounded text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
                    aria-label={interpolate(t.table.openOrder, { id: order.id })}
                  >
                    {order.id}
                  </Link>
                </td>
                <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                  {fmt.timestamp(order.submitAt)}
                </td>
                <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                  {order.sendAt && order.sendAt !== order.submitAt ? (
                    fmt.timestamp(order.sendAt)
                  ) : (
                    <span className="muted" title={t.table.sameAsSubmitted}>
                      <span aria-hidden="true">—</span>
                      <span className="sr-only">{t.table.sameAsSubmitted}</span>
                    </span>
                  )}
                </td>
                <td className="max-w-44 px-3 py-2">
                  <span className="block truncate" title={order.sender} data-testid="order-sender">
                    {order.sender}
                  </span>
                  <LabelChip label={order.label} />
                </td>
                <td className="px-3 py-2">
                  <OrderStatusBadge status={order.status} />
                </td>
                <td className="px-3 py-2 text-right tabular-nums" data-testid="order-total">
                  {fmt.number(order.total)}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{fmt.number(order.delivered)}</td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {fmt.number(order.undelivered)}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{fmt.number(order.waiting)}</td>
                <td className="px-3 py-2">
                  <RateBar counts={order} label={fmt.percent(rate(order))} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function TableSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <div className="flex flex-col gap-2 p-4" aria-hidden="true">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton h-7 w-full" />
      ))}
    </div>
  );
}
