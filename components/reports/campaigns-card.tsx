"use client";
// Campaigns: the range's orders by label (every filter but the label, so each stays pickable),
// with totals, delivery rate and when the campaign ran; a campaign filters the report to it.
import { memo } from "react";
import { RateBar } from "@/components/ui/rate-bar";
import { interpolate } from "@/lib/i18n/config";
import { useI18n } from "@/lib/i18n/context";
import { NO_LABEL } from "@/lib/reports/contract/report-query";
import type { CampaignRow } from "@/lib/reports/contract/types";
import { useCan } from "@/lib/client/role-context";

export const CampaignsCard = memo(function CampaignsCard({
  campaigns,
  selected,
  onToggle,
}: {
  campaigns: CampaignRow[];
  selected: string[];
  /** Adds the campaign to the label filter, or takes it out. */
  onToggle: (label: string) => void;
}) {
  const { t, fmt } = useI18n();
  const words = t.campaigns;
  const canLabel = useCan("label");
  const labelled = campaigns.some((c) => c.label !== null);
  const when = (c: CampaignRow) => {
    const first = c.firstSubmitAt.slice(0, 10);
    const last = c.lastSubmitAt.slice(0, 10);
    return first ? fmt.dateRange({ start: first, end: last }) : "—";
  };

  return (
    <section className="card min-w-0 p-4" aria-labelledby="campaigns-title" data-testid="campaigns">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h2 id="campaigns-title" className="card-title">
          {words.title}
        </h2>
        {labelled ? <p className="muted text-xs">{words.hint}</p> : null}
      </div>
      {!labelled ? (
        <p className="muted text-sm" data-testid="campaigns-empty">
          {canLabel ? words.emptyEditor : words.empty}
        </p>
      ) : (
        <div className="max-h-96 overflow-auto">
          <table className="w-full text-sm tabular-nums">
            <thead className="muted text-left text-xs">
              <tr className="border-b border-slate-200 dark:border-slate-800">
                <th scope="col" className="py-1.5 pr-2 font-medium">
                  {words.label}
                </th>
                <th scope="col" className="px-2 py-1.5 text-right font-medium">
                  {words.orders}
                </th>
                <th scope="col" className="px-2 py-1.5 text-right font-medium">
                  {words.messages}
                </th>
                <th scope="col" className="hidden px-2 py-1.5 text-right font-medium sm:table-cell">
                  {words.undelivered}
                </th>
                <th scope="col" className="px-2 py-1.5 font-medium">
                  {words.rate}
                </th>
                <th scope="col" className="hidden py-1.5 pl-2 font-medium md:table-cell">
                  {words.period}
                </th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((c) => {
                const key = c.label ?? NO_LABEL;
                const name = c.label ?? words.unlabelled;
                const on = selected.includes(key);
                return (
                  <tr
                    key={key}
                    className="border-b border-slate-100 last:border-0 dark:border-slate-800/70"
                    data-testid="campaign-row"
                  >
                    <th scope="row" className="py-1.5 pr-2 text-left font-normal">
                      <button
                        type="button"
                        aria-pressed={on}
                        title={interpolate(words.filterBy, { label: name })}
                        onClick={() => onToggle(key)}
                        className={`max-w-64 truncate rounded text-left font-medium underline-offset-2 hover:underline ${
                          c.label === null ? "muted italic" : "text-indigo-700 dark:text-indigo-300"
                        } ${on ? "underline" : ""}`}
                      >
                        {name}
                      </button>
                    </th>
                    <td className="px-2 py-1.5 text-right">{fmt.number(c.orders)}</td>
                    <td className="px-2 py-1.5 text-right">{fmt.number(c.messages)}</td>
                    <td className="text-undelivered dark:text-undelivered-dark hidden px-2 py-1.5 text-right sm:table-cell">
                      {fmt.number(c.undelivered)}
                    </td>
                    <td className="px-2 py-1.5">
                      <RateBar counts={c} label={fmt.percent(c.deliveryRate)} />
                    </td>
                    <td className="muted hidden py-1.5 pl-2 text-xs whitespace-nowrap md:table-cell">
                      {when(c)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
});
