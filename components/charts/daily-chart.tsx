"use client";
// Per-day stacked delivered / undelivered / waiting messages, with the delivery rate on a second axis.
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { interpolate } from "@/lib/i18n/config";
import { useI18n } from "@/lib/i18n/context";
import { deliveryRate } from "@/lib/reports/contract/statuses";
import type { SeriesPoint } from "@/lib/reports/contract/types";
import { ChartCard, dataTableClass } from "./chart-card";
import { AXIS_COLOR, GRID_COLOR, OUTCOME_COLOR, OUTCOMES, RATE_COLOR } from "./chart-config";
import { isBarClick, TooltipBox } from "./chart-tooltip";

type Point = SeriesPoint & { deliveryRate: number | null };

function withRate(series: SeriesPoint[]): Point[] {
  return series.map((p) => ({ ...p, deliveryRate: deliveryRate(p.delivered, p.undelivered) }));
}

export function DailyChart({
  series,
  range,
  onSelectDay,
  className,
}: {
  series: SeriesPoint[];
  range: { start: string; end: string };
  onSelectDay: (date: string) => void;
  className?: string;
}) {
  const { t, fmt, plural } = useI18n();
  const data = withRate(series);
  const peak = data.reduce<Point | null>(
    (best, p) => (!best || p.messages > best.messages ? p : best),
    null,
  );
  const summary =
    peak && peak.messages > 0
      ? interpolate(plural(t.charts.daily.summary, peak.messages), {
          start: fmt.date(range.start),
          end: fmt.date(range.end),
          peakDate: fmt.date(peak.date),
          peakMessages: fmt.number(peak.messages),
        })
      : interpolate(t.charts.daily.summaryEmpty, {
          start: fmt.date(range.start),
          end: fmt.date(range.end),
        });
  const multiDay = data.length > 1;

  return (
    <ChartCard
      title={t.charts.daily.title}
      hint={multiDay ? t.charts.daily.hint : undefined}
      summary={summary}
      tableLabel={t.charts.showTable}
      className={className}
      testId="daily-chart"
      table={
        <table className={dataTableClass}>
          <thead>
            <tr>
              <th scope="col">{t.charts.daily.date}</th>
              <th scope="col">{t.charts.daily.messages}</th>
              {OUTCOMES.map((o) => (
                <th scope="col" key={o}>
                  {t.outcome[o]}
                </th>
              ))}
              <th scope="col">{t.charts.daily.rate}</th>
              {multiDay ? <td /> : null}
            </tr>
          </thead>
          <tbody>
            {data.map((p) => (
              <tr key={p.date}>
                <th scope="row" className="font-normal whitespace-nowrap">
                  {fmt.date(p.date)}
                </th>
                <td>{fmt.number(p.messages)}</td>
                {OUTCOMES.map((o) => (
                  <td key={o}>{fmt.number(p[o])}</td>
                ))}
                <td>{fmt.percent(p.deliveryRate)}</td>
                {multiDay ? (
                  <td>
                    <button
                      type="button"
                      className="rounded text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
                      onClick={() => onSelectDay(p.date)}
                    >
                      {interpolate(t.charts.daily.selectDay, { date: fmt.dateShort(p.date) })}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <div className="h-72 w-full">
        <ResponsiveContainer
          width="100%"
          height="100%"
          initialDimension={{ width: 600, height: 288 }}
        >
          <ComposedChart
            data={data}
            margin={{ top: 8, right: 4, bottom: 0, left: 0 }}
            accessibilityLayer={false}
            cursor={multiDay ? "pointer" : undefined}
            onClick={(state, event) => {
              // Bars handle their own clicks; this catches the rest of a day's column (e.g. a zero day).
              if (isBarClick(event)) return;
              const label = state?.activeLabel;
              if (multiDay && typeof label === "string") onSelectDay(label);
            }}
          >
            <CartesianGrid vertical={false} stroke={GRID_COLOR} />
            <XAxis
              dataKey="date"
              tickFormatter={(d: string) => fmt.dateShort(d)}
              stroke={AXIS_COLOR}
              tick={{ fill: AXIS_COLOR, fontSize: 12 }}
              tickLine={false}
              minTickGap={16}
            />
            <YAxis
              yAxisId="count"
              tickFormatter={(v: number) => fmt.number(v)}
              stroke={AXIS_COLOR}
              tick={{ fill: AXIS_COLOR, fontSize: 12 }}
              tickLine={false}
              axisLine={false}
              width={56}
              allowDecimals={false}
            />
            <YAxis
              yAxisId="rate"
              orientation="right"
              domain={[0, 1]}
              tickFormatter={(v: number) => fmt.change(v)}
              stroke={AXIS_COLOR}
              tick={{ fill: AXIS_COLOR, fontSize: 12 }}
              tickLine={false}
              axisLine={false}
              width={48}
            />
            <Tooltip
              cursor={{ fill: "var(--c-grid)", fillOpacity: 0.5 }}
              content={({ active, payload }) => {
                const p = active ? (payload?.[0]?.payload as Point | undefined) : undefined;
                if (!p) return null;
                return (
                  <TooltipBox
                    title={fmt.dateLong(p.date)}
                    rows={[
                      {
                        key: "messages",
                        label: t.charts.daily.messages,
                        value: fmt.number(p.messages),
                      },
                      ...OUTCOMES.map((o) => ({
                        key: o,
                        label: t.outcome[o],
                        value: fmt.number(p[o]),
                        color: OUTCOME_COLOR[o],
                      })),
                      {
                        key: "rate",
                        label: t.charts.daily.rate,
                        value: fmt.percent(p.deliveryRate),
                        color: RATE_COLOR,
                      },
                    ]}
                  />
                );
              }}
            />
            <Legend
              itemSorter={null}
              iconType="circle"
              iconSize={8}
              wrapperStyle={{ fontSize: 12, paddingTop: 8 }}
            />
            {OUTCOMES.map((o, i) => (
              <Bar
                key={o}
                yAxisId="count"
                dataKey={o}
                name={t.outcome[o]}
                stackId="messages"
                fill={OUTCOME_COLOR[o]}
                radius={i === OUTCOMES.length - 1 ? [3, 3, 0, 0] : undefined}
                maxBarSize={48}
                isAnimationActive={false}
                onClick={(bar) => {
                  const date = (bar?.payload as Point | undefined)?.date;
                  if (multiDay && date) onSelectDay(date);
                }}
              />
            ))}
            <Line
              yAxisId="rate"
              dataKey="deliveryRate"
              name={t.charts.daily.rate}
              type="monotone"
              stroke={RATE_COLOR}
              strokeWidth={2}
              dot={data.length <= 31 ? { r: 2.5, fill: RATE_COLOR } : false}
              connectNulls
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </ChartCard>
  );
}
