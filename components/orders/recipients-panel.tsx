"use client";
// The recipients of an order: status filter, masked numbers with a reveal toggle, pages, download
// (Excel or CSV).
import { ExportMenu } from "@/components/ui/export-menu";
import { EyeIcon, EyeOffIcon } from "@/components/ui/icons";
import { Pagination } from "@/components/ui/pagination";
import { MessageStatusBadge } from "@/components/ui/status-badge";
import { interpolate } from "@/lib/i18n/config";
import { useI18n } from "@/lib/i18n/context";
import {
  MESSAGE_STATUSES,
  messageOutcome,
  type MessageStatus,
} from "@/lib/reports/contract/statuses";
import type { OrderDetailResponse } from "@/lib/reports/contract/types";
import { orderExportHref } from "@/lib/client/order-queries";
import { useCan } from "@/lib/client/role-context";
import { RECIPIENT_PAGE_SIZES, type OrderView } from "@/lib/reports/contract/order-query";

type ParamsUpdate = Partial<{
  page: number | null;
  pageSize: number | null;
  status: MessageStatus[] | null;
}>;

export function RecipientsPanel({
  view,
  messages,
  loading,
  onReveal,
  onParams,
}: {
  view: OrderView;
  messages: OrderDetailResponse["messages"];
  loading: boolean;
  onReveal: (reveal: boolean) => void;
  onParams: (next: ParamsUpdate) => void;
}) {
  const { t, fmt } = useI18n();
  // What the role cannot do is not shown (the API refuses it too).
  const mayReveal = useCan("reveal");
  const mayExport = useCan("export");
  const offset = (view.page - 1) * view.pageSize;
  const setStatus = (status: MessageStatus[]) =>
    onParams({ status: status.length ? status : null, page: null });

  return (
    <section className="card min-w-0" aria-labelledby="recipients-title">
      <div className="flex flex-col gap-3 border-b border-slate-200 px-4 py-3 md:flex-row md:items-center md:justify-between dark:border-slate-800">
        <h2 id="recipients-title" className="card-title">
          {t.order.recipients}
          <span className="muted ml-2 font-normal tabular-nums">{fmt.number(messages.total)}</span>
        </h2>
        <div className="flex flex-wrap items-center gap-2">
          <div role="group" aria-label={t.order.filterLabel} className="flex flex-wrap gap-1.5">
            <button
              type="button"
              className="chip"
              aria-pressed={view.status.length === 0}
              onClick={() => setStatus([])}
            >
              {t.order.filterAll}
            </button>
            {MESSAGE_STATUSES.map((status) => {
              const on = view.status.includes(status);
              const outcome = messageOutcome(status);
              return (
                <button
                  key={status}
                  type="button"
                  className="chip"
                  aria-pressed={on}
                  onClick={() =>
                    setStatus(
                      on ? view.status.filter((s) => s !== status) : [...view.status, status],
                    )
                  }
                  data-testid={`recipient-filter-${status}`}
                >
                  <span
                    aria-hidden="true"
                    className="size-2 rounded-full"
                    style={{ background: `var(--c-${outcome})` }}
                  />
                  {outcome ? t.outcome[outcome] : status}
                </button>
              );
            })}
          </div>
          {mayReveal ? (
            <button
              type="button"
              className="btn"
              aria-pressed={view.reveal}
              onClick={() => onReveal(!view.reveal)}
              data-testid="reveal-toggle"
            >
              {view.reveal ? <EyeOffIcon /> : <EyeIcon />}
              {view.reveal ? t.order.hide : t.order.reveal}
            </button>
          ) : null}
          {mayExport ? (
            <ExportMenu
              href={orderExportHref(view)}
              hint={t.export.recipientsHint}
              testId="recipients-export"
              align="start"
            />
          ) : null}
        </div>
      </div>
      {messages.items.length ? (
        <div className="overflow-x-auto">
          <table
            className={`w-full text-sm ${loading ? "opacity-60" : ""}`}
            aria-busy={loading}
            data-testid="recipients-table"
          >
            <caption className="sr-only">
              {interpolate(t.order.recipientsCaption, { id: view.id })}
            </caption>
            <thead>
              <tr className="border-b border-slate-200 text-left text-xs text-slate-600 dark:border-slate-800 dark:text-slate-300">
                <th scope="col" className="w-16 px-4 py-2 font-medium">
                  #
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t.order.number}
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t.order.messageStatus}
                </th>
              </tr>
            </thead>
            <tbody>
              {messages.items.map((m, i) => (
                <tr
                  key={`${offset + i}`}
                  className="border-b border-slate-100 last:border-0 dark:border-slate-800/70"
                  data-testid="recipient-row"
                >
                  <td className="muted px-4 py-2 tabular-nums">{fmt.number(offset + i + 1)}</td>
                  <td
                    className="px-4 py-2 font-mono text-xs tracking-wide"
                    data-testid="recipient-number"
                  >
                    {m.number}
                  </td>
                  <td className="px-4 py-2">
                    <MessageStatusBadge status={m.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted px-4 py-8 text-center text-sm">{t.order.noRecipients}</p>
      )}
      <Pagination
        page={view.page}
        pageSize={view.pageSize}
        total={messages.total}
        pageSizes={RECIPIENT_PAGE_SIZES}
        onPage={(page) => onParams({ page })}
        onPageSize={(pageSize) => onParams({ pageSize, page: null })}
        showing={t.order.recipientsShowing}
        testId="recipients-pagination"
      />
    </section>
  );
}
