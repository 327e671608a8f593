"use client";
// Messages per sender as plain SVG: one row per sender, its delivered / undelivered / waiting
// messages stacked along a count axis, its delivery rate at the row's right end; a tooltip and a
// click per row.
//
// It was a recharts BarChart. Mounting it was the open's longest task left (80–92 ms, bench item
// 11: recharts' store and selectors, and its layout effects rendering the chart again before the
// browser may paint); this plot draws in a few ms, as the daily plot (daily-plot.tsx) does.
import { useRef, useState, type MouseEvent, type ReactNode } from "react";
import type { SenderRow } from "@/lib/reports/contract/types";
import { countTicks } from "@/lib/ui/scale";
import { labelWidth, tickShown, tickStep } from "@/lib/ui/ticks";
import { AXIS_COLOR, GRID_COLOR, OUTCOME_COLOR, OUTCOMES } from "./chart-config";

/** The sender names' column, the rates' column and the count axis under the rows. */
const LEFT = 104;
const RIGHT = 56;
const BOTTOM = 24;
const FONT = 12;
/** Bars fill 80 % of their row, at most 24 px high. */
const BAR_SHARE = 0.8;
const BAR_MAX = 24;
const RADIUS = 3;

/** A rectangle whose right corners are rounded by `r` (as far as its size allows). */
function rightRounded(x: number, y: number, w: number, h: number, r: number): string {
  const k = Math.max(0, Math.min(r, h / 2, w));
  return [
    `M${x},${y}`,
    `H${x + w - k}`,
    `Q${x + w},${y} ${x + w},${y + k}`,
    `V${y + h - k}`,
    `Q${x + w},${y + h} ${x + w - k},${y + h}`,
    `H${x}`,
    "Z",
  ].join("");
}

export function SenderPlot({
  rows,
  width,
  height,
  dimmed,
  nameLabel,
  countLabel,
  rateLabel,
  tooltip,
  onSelect,
}: {
  rows: SenderRow[];
  width: number;
  height: number;
  /** Senders drawn faint (others are filtered on). */
  dimmed: (sender: string) => boolean;
  /** A sender's name as its row shows it (shortened). */
  nameLabel: (sender: string) => string;
  countLabel: (count: number) => string;
  rateLabel: (rate: number | null) => string;
  /** The tooltip's content for the row under the pointer. */
  tooltip: (row: SenderRow) => ReactNode;
  /** Filters the report by a sender (or removes that filter). */
  onSelect: (sender: string) => void;
}) {
  const svg = useRef<SVGSVGElement>(null);
  const [active, setActive] = useState<number | null>(null);

  const plotWidth = Math.max(1, width - LEFT - RIGHT);
  const plotHeight = Math.max(1, height - BOTTOM);
  const n = Math.max(1, rows.length);
  const band = plotHeight / n;
  const barHeight = Math.min(BAR_MAX, band * BAR_SHARE);
  const middle = (i: number) => band * (i + 0.5);

  const ticks = countTicks(rows.reduce((top, r) => Math.max(top, r.messages), 0));
  const countTop = ticks[ticks.length - 1] ?? 1;
  const xCount = (count: number) => LEFT + (plotWidth * count) / countTop;
  const widest = ticks.reduce((w, t) => Math.max(w, labelWidth(countLabel(t))), 0);
  const step = tickStep(ticks.length, plotWidth, widest);

  const rowAt = (event: MouseEvent<SVGSVGElement>): number | null => {
    const box = svg.current?.getBoundingClientRect();
    if (!box) return null;
    const y = event.clientY - box.top;
    if (y < 0 || y > plotHeight) return null;
    return Math.min(rows.length - 1, Math.max(0, Math.floor(y / band)));
  };

  const shown = active === null ? undefined : rows[active];
  const below = active !== null && middle(active) < plotHeight / 2;

  return (
    <div className="relative" style={{ width, height }} onPointerLeave={() => setActive(null)}>
      <svg
        ref={svg}
        width={width}
        height={height}
        data-testid="sender-plot"
        className="cursor-pointer"
        onPointerMove={(event) => setActive(rowAt(event))}
        onClick={(event) => {
          const at = rowAt(event);
          const row = at === null ? undefined : rows[at];
          if (row) onSelect(row.sender);
        }}
      >
        {ticks.map((t) => (
          <line key={t} x1={xCount(t)} x2={xCount(t)} y1={0} y2={plotHeight} stroke={GRID_COLOR} />
        ))}
        {active !== null ? (
          <rect
            x={0}
            y={band * active}
            width={width}
            height={band}
            fill={GRID_COLOR}
            fillOpacity={0.5}
          />
        ) : null}
        {rows.map((r, i) => {
          const y = middle(i) - barHeight / 2;
          const values = OUTCOMES.map((o) => r[o]);
          const last = values.findLastIndex((v) => v > 0);
          let base = 0;
          return (
            <g
              key={r.sender}
              data-testid="sender-bar"
              data-sender={r.sender}
              fillOpacity={dimmed(r.sender) ? 0.3 : 1}
            >
              {OUTCOMES.map((o, k) => {
                const value = values[k] ?? 0;
                if (value <= 0) return null;
                const x = xCount(base);
                const w = xCount(base + value) - x;
                base += value;
                return k === last ? (
                  <path
                    key={o}
                    d={rightRounded(x, y, w, barHeight, RADIUS)}
                    fill={OUTCOME_COLOR[o]}
                  />
                ) : (
                  <rect key={o} x={x} y={y} width={w} height={barHeight} fill={OUTCOME_COLOR[o]} />
                );
              })}
            </g>
          );
        })}
        <line x1={LEFT} x2={LEFT + plotWidth} y1={plotHeight} y2={plotHeight} stroke={AXIS_COLOR} />
        <g fill={AXIS_COLOR} fontSize={FONT}>
          {rows.map((r, i) => (
            <g key={r.sender}>
              <text x={LEFT - 8} y={middle(i)} dy="0.355em" textAnchor="end">
                <title>{r.sender}</title>
                {nameLabel(r.sender)}
              </text>
              <text
                x={width - 4}
                y={middle(i)}
                dy="0.355em"
                textAnchor="end"
                data-testid="sender-rate"
              >
                {rateLabel(r.deliveryRate)}
              </text>
            </g>
          ))}
          {ticks.map((t, i) =>
            tickShown(i, ticks.length, step) ? (
              <text key={t} x={xCount(t)} y={plotHeight + 6} dy="0.71em" textAnchor="middle">
                {countLabel(t)}
              </text>
            ) : null,
          )}
        </g>
      </svg>
      {shown ? (
        <div
          className="pointer-events-none absolute z-10"
          style={{
            left: LEFT + 8,
            top: below ? band * ((active ?? 0) + 1) + 4 : undefined,
            bottom: below ? undefined : height - band * (active ?? 0) + 4,
          }}
        >
          {tooltip(shown)}
        </div>
      ) : null}
    </div>
  );
}
