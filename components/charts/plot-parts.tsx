"use client";
// What the plain-SVG plots (daily-plot.tsx, sender-plot.tsx) share: the frame that tracks which
// bar is under the pointer, shows its tooltip and takes its click; and the stacked outcome bar.
import { useRef, useState, type CSSProperties, type ReactNode } from "react";
import { OUTCOME_COLOR, OUTCOMES, type Outcome } from "./chart-config";

const RADIUS = 3;

/**
 * An SVG plot of `width` × `height` whose bars are picked by index: `hit` names the bar at a point
 * of the plot (or none), `onPick` takes a click on one, and `tooltip` says what shows, and where,
 * while the pointer is over one. `children` draws the plot, told which bar is under the pointer.
 */
export function PlotFrame({
  width,
  height,
  testId,
  className,
  hit,
  onPick,
  tooltip,
  children,
}: {
  width: number;
  height: number;
  testId: string;
  className?: string;
  hit: (x: number, y: number) => number | null;
  onPick?: (index: number) => void;
  tooltip: (index: number) => { content: ReactNode; style: CSSProperties } | null;
  children: (active: number | null) => ReactNode;
}) {
  const svg = useRef<SVGSVGElement>(null);
  const [active, setActive] = useState<number | null>(null);
  const at = (event: { clientX: number; clientY: number }): number | null => {
    const box = svg.current?.getBoundingClientRect();
    return box ? hit(event.clientX - box.left, event.clientY - box.top) : null;
  };
  const tip = active === null ? null : tooltip(active);
  return (
    <div className="relative" style={{ width, height }} onPointerLeave={() => setActive(null)}>
      <svg
        ref={svg}
        width={width}
        height={height}
        data-testid={testId}
        className={className}
        onPointerMove={(event) => setActive(at(event))}
        onClick={(event) => {
          const index = at(event);
          if (index !== null) onPick?.(index);
        }}
      >
        {children(active)}
      </svg>
      {tip ? (
        <div className="pointer-events-none absolute z-10" style={tip.style}>
          {tip.content}
        </div>
      ) : null}
    </div>
  );
}

/** A rectangle with the corners of its outer end (`top` or `right`) rounded, as far as it allows. */
function outerRounded(x: number, y: number, w: number, h: number, end: "top" | "right"): string {
  if (end === "top") {
    const k = Math.max(0, Math.min(RADIUS, w / 2, h));
    return `M${x},${y + h}V${y + k}Q${x},${y} ${x + k},${y}H${x + w - k}Q${x + w},${y} ${x + w},${y + k}V${y + h}Z`;
  }
  const k = Math.max(0, Math.min(RADIUS, h / 2, w));
  return `M${x},${y}H${x + w - k}Q${x + w},${y} ${x + w},${y + k}V${y + h - k}Q${x + w},${y + h} ${x + w - k},${y + h}H${x}Z`;
}

/**
 * One bar of delivered / undelivered / waiting stacked from 0 along the count axis `at` (a count
 * to a coordinate): upwards (`top`: x and width across) or rightwards (`right`: y and height
 * across); the last non-empty part gets the rounded end.
 */
export function StackedBar({
  counts,
  at,
  across,
  thickness,
  end,
}: {
  counts: Record<Outcome, number>;
  at: (count: number) => number;
  across: number;
  thickness: number;
  end: "top" | "right";
}) {
  const last = OUTCOMES.findLastIndex((o) => counts[o] > 0);
  let base = 0;
  return OUTCOMES.map((o, k) => {
    const value = counts[o];
    if (value <= 0) return null;
    const [from, to] = [at(base), at(base + value)];
    base += value;
    const box =
      end === "top"
        ? { x: across, y: to, w: thickness, h: from - to }
        : { x: from, y: across, w: to - from, h: thickness };
    return k === last ? (
      <path key={o} d={outerRounded(box.x, box.y, box.w, box.h, end)} fill={OUTCOME_COLOR[o]} />
    ) : (
      <rect key={o} x={box.x} y={box.y} width={box.w} height={box.h} fill={OUTCOME_COLOR[o]} />
    );
  });
}
