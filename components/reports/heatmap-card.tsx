"use client";
// When orders go out: a weekday × hour grid (Istanbul time, by submitAt) of messages or delivery
// rate. A cell, a weekday or an hour is a button that filters the report to it; the grid keeps a
// single tab stop and moves with the arrow keys.
import { parseAsStringLiteral, useQueryState } from "nuqs";
import { memo, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { Segmented } from "@/components/ui/segmented";
import { interpolate } from "@/lib/i18n/config";
import { useI18n } from "@/lib/i18n/context";
import { deliveryRate } from "@/lib/reports/contract/statuses";
import type { HeatmapCell } from "@/lib/reports/contract/types";
import type { Weekday } from "@/lib/reports/contract/report-query";

const METRICS = ["messages", "rate"] as const;
type Metric = (typeof METRICS)[number];
const metricParam = parseAsStringLiteral(METRICS).withDefault("messages");

/** A cell's rate is coloured only from this many final messages: fewer would be noise. */
const MIN_FINAL_FOR_RATE = 20;

export type TimeOfWeek = { weekday: Weekday[]; hour: number[] };

type Cell = HeatmapCell & { rate: number | null; final: number };

const only = (list: readonly number[], v: number) => list.length === 1 && list[0] === v;

/** The background of a cell: indigo by volume, or red → amber → green by rate within the range. */
function cellColor(
  cell: Cell,
  metric: Metric,
  scale: { max: number; low: number; high: number },
): string | undefined {
  if (metric === "messages") {
    if (cell.messages === 0 || scale.max === 0) return undefined;
    // A square-root scale: a few busy hours would otherwise leave every other cell blank.
    const share = Math.sqrt(cell.messages / scale.max);
    return `color-mix(in srgb, var(--c-heat) ${Math.round(12 + share * 88)}%, transparent)`;
  }
  if (cell.rate === null || cell.final < MIN_FINAL_FOR_RATE) return undefined;
  const span = scale.high - scale.low;
  const x = span > 0 ? (cell.rate - scale.low) / span : 1;
  // 0 → red (0°), 1 → green (140°): the same lightness, so dark mode reads the same.
  return `hsl(${Math.round(x * 140)} 65% 45% / 0.85)`;
}

export const HeatmapCard = memo(function HeatmapCard({
  cells,
  selected,
  onSelect,
}: {
  cells: HeatmapCell[];
  selected: TimeOfWeek;
  onSelect: (next: TimeOfWeek) => void;
}) {
  const { t, fmt, plural } = useI18n();
  const words = t.heatmap;
  const [metric, setMetric] = useQueryState("heat", metricParam);
  const [focus, setFocus] = useState(0);
  const grid = useRef<HTMLDivElement>(null);

  const data = useMemo<Cell[]>(
    () =>
      cells.map((c) => ({
        ...c,
        rate: deliveryRate(c.delivered, c.undelivered),
        final: c.delivered + c.undelivered,
      })),
    [cells],
  );
  const scale = useMemo(() => {
    const rates = data
      .filter((c) => c.rate !== null && c.final >= MIN_FINAL_FOR_RATE)
      .map((c) => c.rate as number);
    const low = rates.length ? Math.min(...rates) : 0;
    const high = rates.length ? Math.max(...rates) : 1;
    // At least five points apart: a 0.3-point spread is not worth a red-to-green scale.
    return {
      max: Math.max(0, ...data.map((c) => c.messages)),
      low: Math.min(low, high - 0.05),
      high,
    };
  }, [data]);

  const busiest = data.reduce<Cell | null>(
    (best, c) => (c.messages > (best?.messages ?? 0) ? c : best),
    null,
  );
  const worst = data.reduce<Cell | null>(
    (w, c) =>
      c.rate !== null && c.final >= MIN_FINAL_FOR_RATE && (w === null || c.rate < (w.rate ?? 1))
        ? c
        : w,
    null,
  );
  const name = (c: { weekday: number; hour: number }) =>
    `${fmt.weekday(c.weekday)} ${fmt.hourSpan(c.hour)}`;
  const summary = busiest
    ? [
        interpolate(plural(words.busiest, busiest.messages), {
          when: name(busiest),
          messages: fmt.number(busiest.messages),
        }),
        worst
          ? interpolate(words.lowest, { when: name(worst), rate: fmt.percent(worst.rate) })
          : "",
      ]
        .filter(Boolean)
        .join(" ")
    : words.empty;

  const filtering = selected.weekday.length > 0 || selected.hour.length > 0;
  const inSelection = (c: HeatmapCell) =>
    (selected.weekday.length === 0 || selected.weekday.includes(c.weekday as Weekday)) &&
    (selected.hour.length === 0 || selected.hour.includes(c.hour));
  const pickCell = (c: HeatmapCell) =>
    onSelect(
      only(selected.weekday, c.weekday) && only(selected.hour, c.hour)
        ? { weekday: [], hour: [] }
        : { weekday: [c.weekday as Weekday], hour: [c.hour] },
    );
  const pickWeekday = (d: Weekday) =>
    onSelect(
      only(selected.weekday, d) && selected.hour.length === 0
        ? { weekday: [], hour: [] }
        : { weekday: [d], hour: [] },
    );
  const pickHour = (h: number) =>
    onSelect(
      only(selected.hour, h) && selected.weekday.length === 0
        ? { weekday: [], hour: [] }
        : { weekday: [], hour: [h] },
    );

  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const step: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      ArrowDown: 24,
      ArrowUp: -24,
    };
    let next = focus + (step[event.key] ?? 0);
    if (event.key === "Home") next = focus - (focus % 24);
    if (event.key === "End") next = focus - (focus % 24) + 23;
    if (next === focus || next < 0 || next > 167) return;
    event.preventDefault();
    setFocus(next);
    grid.current?.querySelector<HTMLButtonElement>(`[data-cell="${next}"]`)?.focus();
  };

  const cellLabel = (c: Cell) =>
    c.messages === 0
      ? interpolate(words.cellEmpty, { when: name(c) })
      : interpolate(plural(words.cell, c.messages), {
          when: name(c),
          messages: fmt.number(c.messages),
          rate: c.rate === null ? words.noFinal : fmt.percent(c.rate),
        });

  return (
    <section className="card min-w-0 p-4" aria-labelledby="heatmap-title" data-testid="heatmap">
      <div className="mb-1 flex flex-wrap items-baseline justify-between gap-x-3 gap-y-2">
        <h2 id="heatmap-title" className="card-title">
          {words.title}
        </h2>
        <p className="muted text-xs">{words.hint}</p>
        <div className="ml-auto">
          <Segmented
            label={words.show}
            options={METRICS.map((m) => ({ value: m, text: words.metrics[m] }))}
            value={metric}
            onChange={(m) => void setMetric(m === "messages" ? null : m)}
          />
        </div>
      </div>
      <p className="muted mb-3 text-xs" data-testid="heatmap-summary">
        {summary} {words.timeNote}
      </p>
      <div className="overflow-x-auto">
        <div
          ref={grid}
          role="grid"
          aria-label={words.title}
          aria-rowcount={8}
          className="grid min-w-[560px] grid-cols-[3rem_repeat(24,minmax(0,1fr))] gap-0.5 text-[10px]"
          onKeyDown={move}
        >
          <div role="row" className="contents">
            <span role="columnheader" />
            {Array.from({ length: 24 }, (_, h) => (
              <span role="columnheader" key={h} className="flex justify-center">
                <button
                  type="button"
                  tabIndex={-1}
                  aria-pressed={only(selected.hour, h) && selected.weekday.length === 0}
                  aria-label={interpolate(words.filterHour, { hours: fmt.hourSpan(h) })}
                  onClick={() => pickHour(h)}
                  className="muted w-full rounded py-0.5 tabular-nums hover:bg-slate-100 dark:hover:bg-slate-800"
                >
                  {h % 3 === 0 ? String(h).padStart(2, "0") : "·"}
                </button>
              </span>
            ))}
          </div>
          {Array.from({ length: 7 }, (_, d) => (
            <div role="row" className="contents" key={d}>
              <span role="rowheader">
                <button
                  type="button"
                  tabIndex={-1}
                  aria-pressed={only(selected.weekday, d) && selected.hour.length === 0}
                  aria-label={interpolate(words.filterWeekday, { weekday: fmt.weekday(d) })}
                  onClick={() => pickWeekday(d as Weekday)}
                  className="muted h-full w-full rounded pr-1 text-right text-xs hover:bg-slate-100 dark:hover:bg-slate-800"
                >
                  {fmt.weekday(d, true)}
                </button>
              </span>
              {data.slice(d * 24, d * 24 + 24).map((c) => {
                const index = d * 24 + c.hour;
                const picked = filtering && inSelection(c);
                return (
                  <span role="gridcell" key={c.hour}>
                    <button
                      type="button"
                      data-cell={index}
                      tabIndex={index === focus ? 0 : -1}
                      aria-pressed={picked}
                      aria-label={cellLabel(c)}
                      title={cellLabel(c)}
                      onFocus={() => setFocus(index)}
                      onClick={() => pickCell(c)}
                      className={`block h-6 w-full rounded-sm bg-slate-100 dark:bg-slate-800 ${
                        picked ? "ring-2 ring-slate-900 ring-offset-1 dark:ring-white" : ""
                      } ${filtering && !picked ? "opacity-40" : ""}`}
                      style={{ background: cellColor(c, metric, scale) }}
                    />
                  </span>
                );
              })}
            </div>
          ))}
        </div>
      </div>
      <p className="muted mt-2 flex flex-wrap items-center gap-2 text-xs" aria-hidden="true">
        {metric === "messages" ? (
          <>
            <span>{words.fewer}</span>
            <span
              className="h-2 w-24 rounded"
              style={{
                background:
                  "linear-gradient(to right, color-mix(in srgb, var(--c-heat) 12%, transparent), var(--c-heat))",
              }}
            />
            <span>
              {words.more} ({fmt.number(scale.max)})
            </span>
          </>
        ) : (
          <>
            <span>{fmt.percent(scale.low)}</span>
            <span
              className="h-2 w-24 rounded"
              style={{
                background:
                  "linear-gradient(to right, hsl(0 65% 45%), hsl(70 65% 45%), hsl(140 65% 45%))",
              }}
            />
            <span>{fmt.percent(scale.high)}</span>
            <span>· {interpolate(words.tooFew, { n: MIN_FINAL_FOR_RATE })}</span>
          </>
        )}
      </p>
    </section>
  );
});
