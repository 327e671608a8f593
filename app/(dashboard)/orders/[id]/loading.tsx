import { OrderSummarySkeleton } from "@/components/orders/order-summary";

export default function OrderLoading() {
  return (
    <main
      id="main"
      className="mx-auto flex w-full max-w-7xl flex-col gap-5 px-4 py-6 sm:px-6"
      aria-busy="true"
    >
      <div className="skeleton h-4 w-28" />
      <div className="skeleton h-8 w-56" />
      <OrderSummarySkeleton />
    </main>
  );
}
