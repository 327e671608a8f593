"use client";
// Messages per sender (stacked by outcome) with each sender's delivery rate; a click filters by it.
import { interpolate } from "@/lib/i18n/config";
import { useI18n } from "@/lib/i18n/context";
import type { SenderRow } from "@/lib/reports/contract/types";
import { ChartCard, ChartSkeleton, dataTableClass } from "./chart-card";
import { ChartBox } from "./chart-size";
import { useTurn } from "@/components/ui/turns";
import { OUTCOME_COLOR, OUTCOMES } from "./chart-config";
import { TooltipBox } from "./chart-tooltip";
import { SenderPlot } from "./sender-plot";

const MAX_BARS = 10;

export function SenderChart({
  senders,
  selected,
  onToggleSender,
  className,
}: {
  senders: SenderRow[];
  selected: string[];
  onToggleSender: (sender: string) => void;
  className?: string;
}) {
  const { t, fmt, plural } = useI18n();
  const turn = useTurn();
  if (!turn) return <ChartSkeleton height={180} className={className} />;
  const sorted = [...senders].sort(
    (a, b) => b.messages - a.messages || a.sender.localeCompare(b.sender),
  );
  const shown = sorted.slice(0, MAX_BARS);
  const top = sorted[0];
  const summary = top
    ? [
        interpolate(plural(t.charts.senders.summary, sorted.length), { count: sorted.length }),
        interpolate(plural(t.charts.senders.largest, top.messages), {
          top: top.sender,
          messages: fmt.number(top.messages),
        }),
      ].join(" ")
    : t.charts.senders.summaryEmpty;
  const dim = (sender: string) => selected.length > 0 && !selected.includes(sender);

  return (
    <ChartCard
      title={t.charts.senders.title}
      hint={shown.length ? t.charts.senders.hint : undefined}
      summary={summary}
      tableLabel={t.charts.showTable}
      className={className}
      testId="sender-chart"
      table={
        <table className={dataTableClass}>
          <thead>
            <tr>
              <th scope="col">{t.charts.senders.sender}</th>
              <th scope="col">{t.charts.senders.messages}</th>
              {OUTCOMES.map((o) => (
                <th scope="col" key={o}>
                  {t.outcome[o]}
                </th>
              ))}
              <th scope="col">{t.charts.senders.rate}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((s) => {
              const on = selected.includes(s.sender);
              return (
                <tr key={s.sender}>
                  <th scope="row" className="font-normal">
                    <button
                      type="button"
                      aria-pressed={on}
                      className="rounded text-left text-indigo-700 underline underline-offset-2 aria-pressed:font-semibold dark:text-indigo-300"
                      onClick={() => onToggleSender(s.sender)}
                      aria-label={interpolate(
                        on ? t.charts.senders.removeFilter : t.charts.senders.filterBy,
                        { sender: s.sender },
                      )}
                    >
                      {s.sender}
                    </button>
                  </th>
                  <td>{fmt.number(s.messages)}</td>
                  {OUTCOMES.map((o) => (
                    <td key={o}>{fmt.number(s[o])}</td>
                  ))}
                  <td>{fmt.percent(s.deliveryRate)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      }
    >
      {sorted.length > MAX_BARS ? (
        <p className="muted mb-2 text-xs">
          {interpolate(t.charts.senders.more, { shown: MAX_BARS, total: sorted.length })}
        </p>
      ) : null}
      <ChartBox height={Math.max(120, shown.length * 36 + 32)}>
        {({ width, height }) => (
          <SenderPlot
            rows={shown}
            width={width}
            height={height}
            dimmed={dim}
            nameLabel={(s) => (s.length > 14 ? `${s.slice(0, 13)}…` : s)}
            countLabel={fmt.number}
            rateLabel={fmt.percent}
            onSelect={onToggleSender}
            tooltip={(s) => (
              <TooltipBox
                title={s.sender}
                rows={[
                  {
                    key: "messages",
                    label: t.charts.senders.messages,
                    value: fmt.number(s.messages),
                  },
                  ...OUTCOMES.map((o) => ({
                    key: o,
                    label: t.outcome[o],
                    value: fmt.number(s[o]),
                    color: OUTCOME_COLOR[o],
                  })),
                  {
                    key: "rate",
                    label: t.charts.senders.rate,
                    value: fmt.percent(s.deliveryRate),
                  },
                ]}
              />
            )}
          />
        )}
      </ChartBox>
    </ChartCard>
  );
}
