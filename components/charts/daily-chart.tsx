"use client";
// Stacked delivered / undelivered / waiting messages per day, week or month, with the delivery
// rate on a second axis and a switch between the three groupings.
import { memo, useMemo } from "react";
import { BUCKETS, bucketRange, type Bucket, type DateRange } from "@/lib/dates";
import { interpolate } from "@/lib/i18n/config";
import { useI18n } from "@/lib/i18n/context";
import type { Formatters } from "@/lib/ui/format";
import { deliveryRate } from "@/lib/reports/contract/statuses";
import type { SeriesPoint } from "@/lib/reports/contract/types";
import { Segmented } from "@/components/ui/segmented";
import { ChartCard, ChartSkeleton, dataTableClass } from "./chart-card";
import { ChartBox } from "./chart-size";
import { useTurn } from "@/components/ui/turns";
import { OUTCOME_COLOR, OUTCOMES, RATE_COLOR } from "./chart-config";
import { TooltipBox } from "./chart-tooltip";
import { DailyPlot, type PlotPoint } from "./daily-plot";

type Point = SeriesPoint & { deliveryRate: number | null };

function withRate(series: SeriesPoint[]): Point[] {
  return series.map((p) => ({ ...p, deliveryRate: deliveryRate(p.delivered, p.undelivered) }));
}

/** The days a bucket holds when whole: 1, 7, or its month's length. */
function fullDays(date: string, bucket: Bucket): number {
  if (bucket === "day") return 1;
  if (bucket === "week") return 7;
  const [y, m] = date.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A bucket's name on the axis (short) and in titles (long). */
function bucketLabel(fmt: Formatters, weekOf: string, bucket: Bucket, date: string, long: boolean) {
  if (bucket === "month") return fmt.monthYear(date, !long);
  if (bucket === "week")
    return long ? interpolate(weekOf, { date: fmt.date(date) }) : fmt.dateShort(date);
  return long ? fmt.dateLong(date) : fmt.dateShort(date);
}

export const DailyChart = memo(function DailyChart({
  series,
  bucket,
  range,
  onSelectRange,
  onBucket,
  className,
}: {
  series: SeriesPoint[];
  bucket: Bucket;
  range: DateRange;
  /** Narrows the report to a bucket's days. */
  onSelectRange: (range: DateRange) => void;
  onBucket: (bucket: Bucket) => void;
  className?: string;
}) {
  const { t, fmt, plural } = useI18n();
  const data = useMemo(() => withRate(series), [series]);
  const turn = useTurn();
  if (!turn) return <ChartSkeleton className={className} />;
  const words = t.charts.daily;
  const label = (date: string, long = false) => bucketLabel(fmt, words.weekOf, bucket, date, long);
  const select = (date: string) => onSelectRange(bucketRange(date, bucket, range));
  const selectName = (date: string) =>
    bucket === "month"
      ? fmt.monthYear(date)
      : bucket === "week"
        ? fmt.date(date)
        : fmt.dateShort(date);
  const peak = data.reduce<Point | null>(
    (best, p) => (!best || p.messages > best.messages ? p : best),
    null,
  );
  const summary =
    peak && peak.messages > 0
      ? interpolate(plural(words.summary, peak.messages), {
          start: fmt.date(range.start),
          end: fmt.date(range.end),
          unit: words.units[bucket],
          peakDate: label(peak.date, true),
          peakMessages: fmt.number(peak.messages),
        })
      : interpolate(words.summaryEmpty, {
          start: fmt.date(range.start),
          end: fmt.date(range.end),
        });
  const multiDay = range.start !== range.end;
  /** A bucket the range holds only part of: its bars are not a whole week's or month's. */
  const partial = (p: Point) => p.days < fullDays(p.date, bucket);
  const plotted: PlotPoint[] = data.map((p) => ({ ...p, partial: bucket !== "day" && partial(p) }));
  const byDate = new Map(data.map((p) => [p.date, p]));
  const partialNote = (p: Point) =>
    interpolate(plural(words.partial, p.days), {
      days: fmt.number(p.days),
      total: fmt.number(fullDays(p.date, bucket)),
    });

  return (
    <ChartCard
      title={words.title[bucket]}
      hint={multiDay ? words.hint[bucket] : undefined}
      actions={
        <Segmented
          label={words.groupBy}
          options={BUCKETS.map((b) => ({ value: b, text: words.bucketNames[b] }))}
          value={bucket}
          onChange={onBucket}
          testId="bucket-switch"
        />
      }
      summary={summary}
      tableLabel={t.charts.showTable}
      className={className}
      testId="daily-chart"
      table={
        <table className={dataTableClass}>
          <thead>
            <tr>
              <th scope="col">{words.date[bucket]}</th>
              <th scope="col">{words.messages}</th>
              {OUTCOMES.map((o) => (
                <th scope="col" key={o}>
                  {t.outcome[o]}
                </th>
              ))}
              <th scope="col">{words.rate}</th>
              {multiDay ? <td /> : null}
            </tr>
          </thead>
          <tbody>
            {data.map((p) => (
              <tr key={p.date}>
                <th scope="row" className="font-normal whitespace-nowrap">
                  {bucket === "day" ? fmt.date(p.date) : label(p.date, true)}
                  {partial(p) ? (
                    <span className="muted block text-[11px]">{partialNote(p)}</span>
                  ) : null}
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
                      onClick={() => select(p.date)}
                    >
                      {interpolate(words.select[bucket], { date: selectName(p.date) })}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ChartBox height={260}>
        {({ width, height }) => (
          <DailyPlot
            points={plotted}
            width={width}
            height={height}
            axisLabel={(date) => label(date)}
            countLabel={fmt.compact}
            rateLabel={fmt.change}
            onSelect={multiDay ? select : undefined}
            tooltip={(p) => {
              const point = byDate.get(p.date);
              if (!point) return null;
              return (
                <TooltipBox
                  title={label(point.date, true)}
                  footer={
                    partial(point) ? <span className="muted">{partialNote(point)}</span> : undefined
                  }
                  rows={[
                    {
                      key: "messages",
                      label: words.messages,
                      value: fmt.number(point.messages),
                    },
                    ...OUTCOMES.map((o) => ({
                      key: o,
                      label: t.outcome[o],
                      value: fmt.number(point[o]),
                      color: OUTCOME_COLOR[o],
                    })),
                    {
                      key: "rate",
                      label: words.rate,
                      value: fmt.percent(point.deliveryRate),
                      color: RATE_COLOR,
                    },
                  ]}
                />
              );
            }}
          />
        )}
      </ChartBox>
      {/* Our own legend, outside the chart: recharts' measures itself and lays the chart out again,
          and names each icon "<name> legend icon", in English. Coloured dots, text in the text
          colour: green and amber text fail contrast on white. */}
      <ul className="mt-2 flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs">
        {[
          ...OUTCOMES.map((o) => ({ key: o, name: t.outcome[o], color: OUTCOME_COLOR[o] })),
          { key: "rate", name: words.rate, color: RATE_COLOR },
        ].map((item) => (
          <li
            key={item.key}
            className="flex items-center gap-1.5 text-slate-700 dark:text-slate-300"
          >
            <span className="size-2 rounded-full" style={{ background: item.color }} />
            {item.name}
          </li>
        ))}
      </ul>
    </ChartCard>
  );
});
