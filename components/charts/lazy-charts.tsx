"use client";
// The charts load after the first paint, in their own chunk: recharts is most of the page's
// JavaScript, and KPIs and the table should not wait for it. Each shows its skeleton meanwhile.
import dynamic from "next/dynamic";
import { ChartSkeleton } from "./chart-card";

export const DailyChart = dynamic(() => import("./daily-chart").then((m) => m.DailyChart), {
  ssr: false,
  loading: () => <ChartSkeleton className="lg:col-span-3" />,
});

export const StatusChart = dynamic(() => import("./status-chart").then((m) => m.StatusChart), {
  ssr: false,
  loading: () => <ChartSkeleton height={180} />,
});

export const SenderChart = dynamic(() => import("./sender-chart").then((m) => m.SenderChart), {
  ssr: false,
  loading: () => <ChartSkeleton height={180} className="lg:col-span-2" />,
});
