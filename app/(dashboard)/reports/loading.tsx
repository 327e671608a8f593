import { ChartSkeleton } from "@/components/charts/chart-card";
import { KpiSkeleton } from "@/components/reports/kpi-cards";
import { TableSkeleton } from "@/components/reports/orders-table";

export default function ReportsLoading() {
  return (
    <div className="flex flex-col gap-5" aria-busy="true">
      <div className="flex flex-col gap-3 lg:flex-row lg:justify-between">
        <div className="skeleton h-8 w-64" />
        <div className="skeleton h-9 w-80 max-w-full" />
      </div>
      <div className="skeleton h-9 w-full max-w-xl" />
      <KpiSkeleton />
      <ChartSkeleton />
      <div className="card">
        <TableSkeleton />
      </div>
    </div>
  );
}
