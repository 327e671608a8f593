// The header card's query: GET /api/account, kept 5 minutes like the server's own cache, and asked
// again every few seconds while the server is still fetching the days behind the pace.
import { queryOptions } from "@tanstack/react-query";
import type { AccountResponse } from "@/lib/account/contract";
import { getJson } from "./fetch-json";

const PENDING_POLL_MS = 5000;

export function accountQueryOptions() {
  return queryOptions({
    queryKey: ["account"] as const,
    queryFn: () => getJson<AccountResponse>("/api/account"),
    staleTime: 5 * 60_000,
    refetchInterval: (query) => (query.state.data?.pace.pending ? PENDING_POLL_MS : false),
  });
}
