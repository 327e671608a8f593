// Campaign labels from the browser: the labels in use (autocomplete), and setting them on one
// order, on a list of orders or on every order a report query matches. A change refreshes every
// report and order answer on screen, so totals, campaigns and the table show it at once.
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { LabelsResponse, SetLabelResponse, SetLabelsResponse } from "@/lib/labels/contract";
import { getJson } from "./fetch-json";

export function labelsQueryOptions(prefix = "") {
  return queryOptions({
    queryKey: ["labels", prefix] as const,
    queryFn: () =>
      getJson<LabelsResponse>(`/api/labels?limit=50&prefix=${encodeURIComponent(prefix)}`),
    staleTime: 30_000,
  });
}

const send = <T>(method: "PUT" | "POST", url: string, body: unknown) =>
  getJson<T>(url, {
    method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

/** What a bulk change labels: these orders, or every order a report query (`?start=…`) matches. */
export type LabelTarget = { ids: number[] } | { query: string };

function useRefreshAfterLabels() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      [["report"], ["order"], ["labels"]].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );
}

export function useSetLabel(id: number) {
  const refresh = useRefreshAfterLabels();
  return useMutation({
    mutationFn: (label: string | null) =>
      send<SetLabelResponse>("PUT", `/api/orders/${id}/label`, { label }),
    onSuccess: refresh,
  });
}

export function useLabelMany() {
  const refresh = useRefreshAfterLabels();
  return useMutation({
    mutationFn: ({ label, target }: { label: string | null; target: LabelTarget }) =>
      send<SetLabelsResponse>("POST", "/api/labels", { label, ...target }),
    onSuccess: refresh,
  });
}
