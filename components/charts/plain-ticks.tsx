// Axis labels as plain SVG text. Recharts' own <Text> measures every label in the DOM, a
// forced layout each, to wrap it and to drop labels that would collide: on a year's report that was
// most of the time the charts held the main thread (bench item 11). Here a label's width is
// estimated from its length, and an axis with many labels shows every n-th one, counted from the
// last so the newest bucket is always named.
import type { ReactElement } from "react";
import { tickShown, tickStep } from "@/lib/ui/ticks";
import { AXIS_COLOR } from "./chart-config";

const TICK_FONT_SIZE = 12;

/** What recharts hands a custom tick; only what these labels use. */
type TickProps = {
  x?: number | string;
  y?: number | string;
  index?: number;
  visibleTicksCount?: number;
  /** The axis' length along which its labels run. */
  width?: number | string;
  textAnchor?: "start" | "middle" | "end" | "inherit";
  payload?: { value?: unknown };
};

type Format<V> = (value: V) => string;

/**
 * A horizontal axis' labels (below the plot). `widest` is the longest label's width, which the
 * chart knows from its data; labels are thinned so none overlaps.
 */
export function bottomTicks<V>(format: Format<V>, widest: number) {
  return function BottomTick(props: TickProps): ReactElement {
    const count = props.visibleTicksCount ?? 1;
    const index = props.index ?? 0;
    const step = tickStep(count, Number(props.width), widest);
    const shown = tickShown(index, count, step);
    return (
      <text
        x={props.x}
        y={props.y}
        dy="0.71em"
        textAnchor="middle"
        fill={AXIS_COLOR}
        fontSize={TICK_FONT_SIZE}
        className="recharts-cartesian-axis-tick-value"
      >
        {shown ? format(props.payload?.value as V) : null}
      </text>
    );
  };
}

/** A vertical axis' labels, beside the plot: all of them (a numeric axis has about five). */
export function sideTicks<V>(format: Format<V>, testId?: string) {
  return function SideTick(props: TickProps): ReactElement {
    return (
      <text
        data-testid={testId}
        x={props.x}
        y={props.y}
        dy="0.355em"
        textAnchor={props.textAnchor ?? "end"}
        fill={AXIS_COLOR}
        fontSize={TICK_FONT_SIZE}
        className="recharts-cartesian-axis-tick-value"
      >
        {format(props.payload?.value as V)}
      </text>
    );
  };
}

/** A grid direction with no lines (recharts would still work out, and measure, the axis' ticks). */
export const noGridLines = (): number[] => [];

type GridAxis = { niceTicks?: readonly unknown[]; scale?: { map(value: never): unknown } };

/** Grid lines at a numeric axis' ticks, placed by its scale: nothing measured. */
export function linesAtTicks(axis: GridAxis | undefined): number[] {
  const scale = axis?.scale;
  if (!scale) return [];
  return (axis.niceTicks ?? [])
    .map((value) => scale.map(value as never))
    .filter((at): at is number => typeof at === "number" && Number.isFinite(at));
}
