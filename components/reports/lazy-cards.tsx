"use client";
// The report's cards below the charts load in chunks of their own, after the page has hydrated:
// none of them is in the server's HTML (each waits for its turn, components/ui/turns.tsx, or for
// a query of its own), so their code need not be evaluated in hydration's long task (bench item
// 11). Each keeps its place with a skeleton meanwhile.
import dynamic from "next/dynamic";
import { ChartSkeleton } from "@/components/charts/chart-card";

export const HeatmapCard = dynamic(() => import("./heatmap-card").then((m) => m.HeatmapCard), {
  ssr: false,
  loading: () => <ChartSkeleton height={220} />,
});

export const CampaignsCard = dynamic(
  () => import("./campaigns-card").then((m) => m.CampaignsCard),
  { ssr: false },
);

export const WorstOrdersCard = dynamic(
  () => import("./worst-orders-card").then((m) => m.WorstOrdersCard),
  { ssr: false, loading: () => <ChartSkeleton height={220} /> },
);
