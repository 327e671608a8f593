"use client";
// The messages-per-day/week/month plot as plain SVG: stacked delivered / undelivered / waiting
// bars, the delivery rate as a line on a 0–100 % axis, a tooltip and a click per bucket.
//
// It was a recharts ComposedChart. Drawing the year's 12 months there took 150–270 ms of one task
// (bench item 11: its store, reducers and selectors run per bar, axis and tooltip, and its layout
// effects draw the chart again before the browser may paint); this plot draws in a few ms. The
// sender bars went the same way (sender-plot.tsx); the status donut stays on recharts and draws
// within the budget in a task of its own (components/ui/turns.tsx).
import type { ReactNode } from "react";
import { countTicks } from "@/lib/ui/scale";
import { labelWidth, tickShown, tickStep } from "@/lib/ui/ticks";
import { AXIS_COLOR, GRID_COLOR, RATE_COLOR } from "./chart-config";
import { PlotFrame, StackedBar } from "./plot-parts";

export type PlotPoint = {
  date: string;
  delivered: number;
  undelivered: number;
  waiting: number;
  deliveryRate: number | null;
  /** A bucket the range holds only part of: drawn lighter, it is not a drop. */
  partial: boolean;
};

const LEFT = 56;
const RIGHT = 48;
const TOP = 8;
const BOTTOM = 24;
const FONT = 12;
/** Bars fill 80 % of their slot, at most 48 px wide. */
const BAR_SHARE = 0.8;
const BAR_MAX = 48;
const RATE_TICKS = [0, 0.25, 0.5, 0.75, 1];

export function DailyPlot({
  points,
  width,
  height,
  axisLabel,
  countLabel,
  rateLabel,
  tooltip,
  onSelect,
}: {
  points: PlotPoint[];
  width: number;
  height: number;
  /** A bucket's short name under its bar. */
  axisLabel: (date: string) => string;
  countLabel: (count: number) => string;
  rateLabel: (rate: number) => string;
  /** The tooltip's content for the bucket under the pointer. */
  tooltip: (point: PlotPoint) => ReactNode;
  /** Narrows the report to a bucket; none when the range is one day. */
  onSelect?: (date: string) => void;
}) {
  const plotWidth = Math.max(1, width - LEFT - RIGHT);
  const plotHeight = Math.max(1, height - TOP - BOTTOM);
  const n = Math.max(1, points.length);
  const slot = plotWidth / n;
  const barWidth = Math.min(BAR_MAX, slot * BAR_SHARE);
  const centre = (i: number) => LEFT + slot * (i + 0.5);

  const ticks = countTicks(
    points.reduce((top, p) => Math.max(top, p.delivered + p.undelivered + p.waiting), 0),
  );
  const countTop = ticks[ticks.length - 1] ?? 1;
  const yCount = (count: number) => TOP + plotHeight * (1 - count / countTop);
  const yRate = (rate: number) => TOP + plotHeight * (1 - rate);

  const widest = points.reduce((w, p) => Math.max(w, labelWidth(axisLabel(p.date))), 0);
  const step = tickStep(points.length, plotWidth, widest);

  const rated = points.flatMap((p, i) =>
    p.deliveryRate === null ? [] : [`${centre(i)},${yRate(p.deliveryRate)}`],
  );

  return (
    <PlotFrame
      width={width}
      height={height}
      testId="daily-plot"
      className={onSelect ? "cursor-pointer" : undefined}
      hit={(x, y) =>
        x < LEFT || x > LEFT + plotWidth || y < 0 || y > TOP + plotHeight + BOTTOM
          ? null
          : Math.min(points.length - 1, Math.max(0, Math.floor((x - LEFT) / slot)))
      }
      onPick={(i) => {
        const point = points[i];
        if (point && onSelect) onSelect(point.date);
      }}
      tooltip={(i) => {
        const point = points[i];
        if (!point) return null;
        // Beside the bucket, on the side with more room.
        const onRight = centre(i) > LEFT + plotWidth / 2;
        return {
          content: tooltip(point),
          style: onRight
            ? { top: TOP, right: width - (centre(i) - slot / 2 - 8) }
            : { top: TOP, left: centre(i) + slot / 2 + 8 },
        };
      }}
    >
      {(active) => (
        <>
          {ticks.map((t) => (
            <line
              key={t}
              x1={LEFT}
              x2={LEFT + plotWidth}
              y1={yCount(t)}
              y2={yCount(t)}
              stroke={GRID_COLOR}
            />
          ))}
          {active !== null ? (
            <rect
              x={LEFT + slot * active}
              y={TOP}
              width={slot}
              height={plotHeight}
              fill={GRID_COLOR}
              fillOpacity={0.5}
            />
          ) : null}
          {points.map((p, i) => (
            <g
              key={p.date}
              data-testid="daily-bar"
              data-date={p.date}
              fillOpacity={p.partial ? 0.45 : 1}
            >
              <StackedBar
                counts={p}
                at={yCount}
                across={centre(i) - barWidth / 2}
                thickness={barWidth}
                end="top"
              />
            </g>
          ))}
          {rated.length > 1 ? (
            <polyline
              points={rated.join(" ")}
              fill="none"
              stroke={RATE_COLOR}
              strokeWidth={2}
              strokeLinejoin="round"
            />
          ) : null}
          {points.length <= 31
            ? points.map((p, i) =>
                p.deliveryRate === null ? null : (
                  <circle
                    key={p.date}
                    cx={centre(i)}
                    cy={yRate(p.deliveryRate)}
                    r={2.5}
                    fill={RATE_COLOR}
                  />
                ),
              )
            : null}
          <line
            x1={LEFT}
            x2={LEFT + plotWidth}
            y1={TOP + plotHeight}
            y2={TOP + plotHeight}
            stroke={AXIS_COLOR}
          />
          <g fill={AXIS_COLOR} fontSize={FONT}>
            {ticks.map((t) => (
              <text key={t} x={LEFT - 8} y={yCount(t)} dy="0.355em" textAnchor="end">
                {countLabel(t)}
              </text>
            ))}
            {RATE_TICKS.map((r) => (
              <text key={r} x={LEFT + plotWidth + 8} y={yRate(r)} dy="0.355em" textAnchor="start">
                {rateLabel(r)}
              </text>
            ))}
            {points.map((p, i) =>
              tickShown(i, points.length, step) ? (
                <text
                  key={p.date}
                  x={centre(i)}
                  y={TOP + plotHeight + 6}
                  dy="0.71em"
                  textAnchor="middle"
                >
                  {axisLabel(p.date)}
                </text>
              ) : null,
            )}
          </g>
        </>
      )}
    </PlotFrame>
  );
}
