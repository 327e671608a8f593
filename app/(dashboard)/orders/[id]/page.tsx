import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { createLoader } from "nuqs/server";
import { OrderView } from "@/components/orders/order-view";
import { interpolate } from "@/lib/i18n/config";
import { requireSession } from "@/lib/auth/dal";
import { getDictionary } from "@/lib/i18n/server";
import {
  orderSearchParams,
  parseOrderId,
  sanitizeOrderView,
} from "@/lib/reports/contract/order-query";
import { makeQueryClient } from "@/lib/client/query-client";
import { prefetchOrder } from "@/lib/server/prefetch";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const loadOrderParams = createLoader(orderSearchParams);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { dict } = await getDictionary();
  return { title: interpolate(dict.order.title, { id: (await params).id }) };
}

export default async function OrderPage({ params, searchParams }: Props) {
  await requireSession();
  const id = parseOrderId((await params).id);
  if (id === null) notFound();
  const view = sanitizeOrderView(id, loadOrderParams(await searchParams), false);
  const queryClient = makeQueryClient();
  const error = await prefetchOrder(queryClient, view);
  if (error?.code === "order_not_found") notFound();
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <OrderView id={id} />
    </HydrationBoundary>
  );
}
