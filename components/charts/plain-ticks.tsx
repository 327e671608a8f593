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

/**
 * A category axis' labels beside the plot, each with a second text at its row's far end (`endX`,
 * right-aligned): a sender and its delivery rate, drawn whatever the row's bars are.
 */
export function sideTicksWithEnd<V>(
  format: Format<V>,
  end: Format<V>,
  endX: number,
  endTestId?: string,
) {
  return function SideTickWithEnd(props: TickProps): ReactElement {
    const value = props.payload?.value as V;
    return (
      <g
        className="recharts-cartesian-axis-tick-value"
        textAnchor="end"
        fill={AXIS_COLOR}
        fontSize={TICK_FONT_SIZE}
      >
        <text x={props.x} y={props.y} dy="0.355em">
          {format(value)}
        </text>
        <text data-testid={endTestId} x={endX} y={props.y} dy="0.355em">
          {end(value)}
        </text>
      </g>
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
