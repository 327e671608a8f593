import { OrderSummarySkeleton } from "@/components/orders/order-summary";

export default function OrderLoading() {
  return (
    <div className="flex flex-col gap-5" aria-busy="true">
      <div className="skeleton h-4 w-28" />
      <div className="skeleton h-8 w-56" />
      <OrderSummarySkeleton />
    </div>
  );
}
