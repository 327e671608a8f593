"use client";
// A chart's box, measured once before it is drawn and again only when it really changes size.
// Recharts' ResponsiveContainer draws first at an assumed size and then again at the measured
// one: a second full drawing of the chart, a long task of its own on a year (bench item 11).
import { useLayoutEffect, useRef, useState, type ReactNode } from "react";

export function ChartBox({
  height,
  className = "w-full",
  children,
}: {
  /** The box's height in px; its width is the container's. */
  height: number;
  className?: string;
  children: (size: { width: number; height: number }) => ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);

  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = (measured: number) =>
      setWidth((now) => (Math.abs(now - measured) >= 1 ? Math.floor(measured) : now));
    measure(element.getBoundingClientRect().width);
    const observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (entry) measure(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  return (
    <div ref={box} className={className} style={{ height }}>
      {width > 0 ? children({ width, height }) : null}
    </div>
  );
}
