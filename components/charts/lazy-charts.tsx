"use client";
// The charts load after the first paint, in their own chunk: recharts is most of the page's
// JavaScript, and KPIs and the table should not wait for it. Each shows its skeleton meanwhile.
//
// Each is also memoised: a sort or a page changes only the table's rows, and the report's parts
// the charts draw keep their identity then (lib/client/share-report.ts). Drawing a year's chart
// again took most of a sort's main-thread time. Callbacks are passed through stable stand-ins
// that call the latest one, so a parent's fresh arrow functions do not defeat the memo. A change
// is drawn in the chart's next turn (components/ui/turns.tsx), each chart in a task of its own.
import dynamic from "next/dynamic";
import { memo, useLayoutEffect, useRef, useState, type ComponentType, type JSX } from "react";
import { useInTurn } from "@/components/ui/turns";
import { ChartSkeleton } from "./chart-card";

type AnyFunction = (...args: never[]) => unknown;

/** Same values, or arrays with the same elements (a URL's list of senders is rebuilt per render). */
function sameProps(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => {
    const x = a[key];
    const y = b[key];
    if (Object.is(x, y)) return true;
    return (
      Array.isArray(x) &&
      Array.isArray(y) &&
      x.length === y.length &&
      x.every((value, i) => Object.is(value, y[i]))
    );
  });
}

function steady<P extends object>(Inner: ComponentType<P>): ComponentType<P> {
  const Memo = memo(Inner, (a, b) =>
    sameProps(a as Record<string, unknown>, b as Record<string, unknown>),
  ) as ComponentType<P>;
  function Steady(props: P) {
    const latest = useRef(props);
    useLayoutEffect(() => {
      latest.current = props;
    });
    const [standIns] = useState(() => new Map<string, AnyFunction>());
    const passed: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(props)) {
      if (typeof value !== "function") {
        passed[key] = value;
        continue;
      }
      let standIn = standIns.get(key);
      if (!standIn) {
        standIn = (...args: never[]) =>
          ((latest.current as Record<string, unknown>)[key] as AnyFunction)(...args);
        standIns.set(key, standIn);
      }
      passed[key] = standIn;
    }
    // A new report draws the chart in its own turn, after the rest of the screen (one task less).
    const { shown, pending } = useInTurn(passed, sameProps);
    return (
      <div className="contents" aria-busy={pending}>
        <Memo {...(shown as P & JSX.IntrinsicAttributes)} />
      </div>
    );
  }
  return Steady;
}

export const DailyChart = steady(
  dynamic(() => import("./daily-chart").then((m) => m.DailyChart), {
    ssr: false,
    loading: () => <ChartSkeleton className="lg:col-span-3" />,
  }),
);

export const StatusChart = steady(
  dynamic(() => import("./status-chart").then((m) => m.StatusChart), {
    ssr: false,
    loading: () => <ChartSkeleton height={180} />,
  }),
);

export const SenderChart = steady(
  dynamic(() => import("./sender-chart").then((m) => m.SenderChart), {
    ssr: false,
    loading: () => <ChartSkeleton height={180} className="lg:col-span-2" />,
  }),
);
