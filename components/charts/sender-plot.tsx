"use client";
// Messages per sender as plain SVG: one row per sender, its delivered / undelivered / waiting
// messages stacked along a count axis, its delivery rate at the row's right end; a tooltip and a
// click per row.
//
// It was a recharts BarChart. Mounting it was the open's longest task left (80–92 ms, bench item
// 11: recharts' store and selectors, and its layout effects rendering the chart again before the
// browser may paint); this plot draws in a few ms, as the daily plot (daily-plot.tsx) does.
import type { ReactNode } from "react";
import type { SenderRow } from "@/lib/reports/contract/types";
import { countTicks } from "@/lib/ui/scale";
import { labelWidth, tickShown, tickStep } from "@/lib/ui/ticks";
import { AXIS_COLOR, GRID_COLOR } from "./chart-config";
import { PlotFrame, StackedBar } from "./plot-parts";

/** The sender names' column, the rates' column and the count axis under the rows. */
const LEFT = 104;
const RIGHT = 56;
const BOTTOM = 24;
const FONT = 12;
/** Bars fill 80 % of their row, at most 24 px high. */
const BAR_SHARE = 0.8;
const BAR_MAX = 24;

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
  const plotWidth = Math.max(1, width - LEFT - RIGHT);
  const plotHeight = Math.max(1, height - BOTTOM);
  const band = plotHeight / Math.max(1, rows.length);
  const barHeight = Math.min(BAR_MAX, band * BAR_SHARE);
  const middle = (i: number) => band * (i + 0.5);

  const ticks = countTicks(rows.reduce((top, r) => Math.max(top, r.messages), 0));
  const countTop = ticks[ticks.length - 1] ?? 1;
  const xCount = (count: number) => LEFT + (plotWidth * count) / countTop;
  const widest = ticks.reduce((w, t) => Math.max(w, labelWidth(countLabel(t))), 0);
  const step = tickStep(ticks.length, plotWidth, widest);

  return (
    <PlotFrame
      width={width}
      height={height}
      testId="sender-plot"
      className="cursor-pointer"
      hit={(_, y) =>
        y < 0 || y > plotHeight ? null : Math.min(rows.length - 1, Math.floor(y / band))
      }
      onPick={(i) => {
        const row = rows[i];
        if (row) onSelect(row.sender);
      }}
      tooltip={(i) => {
        const row = rows[i];
        if (!row) return null;
        // Under the row in the upper half, above it in the lower half.
        const below = middle(i) < plotHeight / 2;
        return {
          content: tooltip(row),
          style: below
            ? { left: LEFT + 8, top: band * (i + 1) + 4 }
            : { left: LEFT + 8, bottom: height - band * i + 4 },
        };
      }}
    >
      {(active) => (
        <>
          {ticks.map((t) => (
            <line
              key={t}
              x1={xCount(t)}
              x2={xCount(t)}
              y1={0}
              y2={plotHeight}
              stroke={GRID_COLOR}
            />
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
          {rows.map((r, i) => (
            <g
              key={r.sender}
              data-testid="sender-bar"
              data-sender={r.sender}
              fillOpacity={dimmed(r.sender) ? 0.3 : 1}
            >
              <StackedBar
                counts={r}
                at={xCount}
                across={middle(i) - barHeight / 2}
                thickness={barHeight}
                end="right"
              />
            </g>
          ))}
          <line
            x1={LEFT}
            x2={LEFT + plotWidth}
            y1={plotHeight}
            y2={plotHeight}
            stroke={AXIS_COLOR}
          />
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
        </>
      )}
    </PlotFrame>
  );
}
