"use client";
// The split of orders by order status, as a donut with the total in the middle.
import { Cell, Pie, PieChart, Tooltip } from "recharts";
import { interpolate } from "@/lib/i18n/config";
import { useI18n } from "@/lib/i18n/context";
import { ORDER_STATUSES, orderOutcome, type OrderStatusKey } from "@/lib/reports/contract/statuses";
import type { ReportResponse } from "@/lib/reports/contract/types";
import { ChartCard, ChartSkeleton, dataTableClass } from "./chart-card";
import { useTurn } from "@/components/ui/turns";
import { OUTCOME_COLOR } from "./chart-config";
import { TooltipBox } from "./chart-tooltip";

type Slice = { status: OrderStatusKey; count: number; share: number; color: string };

export function StatusChart({
  statuses,
  className,
}: {
  statuses: ReportResponse["statuses"];
  className?: string;
}) {
  const { t, fmt, plural } = useI18n();
  const turn = useTurn();
  if (!turn) return <ChartSkeleton height={180} className={className} />;
  const total = ORDER_STATUSES.reduce(
    (sum, s) => sum + (statuses[String(s) as Slice["status"]] ?? 0),
    0,
  );
  const slices: Slice[] = ORDER_STATUSES.map((s) => {
    const status = String(s) as Slice["status"];
    const count = statuses[status] ?? 0;
    const outcome = orderOutcome(s);
    return {
      status,
      count,
      share: total ? count / total : 0,
      color: outcome ? OUTCOME_COLOR[outcome] : "gray",
    };
  });
  const summary = interpolate(plural(t.charts.status.summary, total), {
    total: fmt.number(total),
    parts: slices
      .map((s) => `${t.orderStatus[s.status]} ${fmt.number(s.count)} (${fmt.percent(s.share)})`)
      .join(", "),
  });

  return (
    <ChartCard
      title={t.charts.status.title}
      summary={summary}
      tableLabel={t.charts.showTable}
      className={className}
      testId="status-chart"
      table={
        <table className={dataTableClass}>
          <thead>
            <tr>
              <th scope="col">{t.table.status}</th>
              <th scope="col">{t.charts.status.count}</th>
              <th scope="col">{t.charts.status.share}</th>
            </tr>
          </thead>
          <tbody>
            {slices.map((s) => (
              <tr key={s.status}>
                <th scope="row" className="font-normal">
                  {t.orderStatus[s.status]}
                </th>
                <td>{fmt.number(s.count)}</td>
                <td>{fmt.percent(s.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <div className="flex flex-col items-center gap-4 sm:flex-row lg:flex-col">
        <div className="relative h-44 w-44 shrink-0">
          <PieChart width={176} height={176} accessibilityLayer={false}>
            <Pie
              data={total ? slices : [{ status: "none", count: 1, color: "var(--c-grid)" }]}
              dataKey="count"
              nameKey="status"
              innerRadius="68%"
              outerRadius="100%"
              paddingAngle={total ? 2 : 0}
              stroke="none"
              rootTabIndex={-1}
              isAnimationActive={false}
            >
              {(total ? slices : [{ status: "none", color: "var(--c-grid)" }]).map((s) => (
                <Cell key={s.status} fill={s.color} />
              ))}
            </Pie>
            {total ? (
              <Tooltip
                content={({ active, payload }) => {
                  const s = active ? (payload?.[0]?.payload as Slice | undefined) : undefined;
                  if (!s) return null;
                  return (
                    <TooltipBox
                      title={t.orderStatus[s.status]}
                      rows={[
                        {
                          key: "count",
                          label: t.charts.status.count,
                          value: fmt.number(s.count),
                          color: s.color,
                        },
                        {
                          key: "share",
                          label: t.charts.status.share,
                          value: fmt.percent(s.share),
                        },
                      ]}
                    />
                  );
                }}
              />
            ) : null}
          </PieChart>
          <div className="pointer-events-none absolute inset-0 flex flex-col items-center justify-center">
            <span className="text-2xl font-semibold tabular-nums">{fmt.number(total)}</span>
            <span className="muted text-xs">{t.kpi.orders}</span>
          </div>
        </div>
        <ul className="flex w-full min-w-0 flex-1 flex-col gap-2 text-sm">
          {slices.map((s) => (
            <li key={s.status} className="flex items-center gap-2">
              <span className="size-2.5 shrink-0 rounded-full" style={{ background: s.color }} />
              <span className="min-w-0 flex-1 truncate">{t.orderStatus[s.status]}</span>
              <span className="font-medium tabular-nums">{fmt.number(s.count)}</span>
              <span className="muted w-14 text-right text-xs tabular-nums">
                {fmt.percent(s.share)}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </ChartCard>
  );
}
