"use client";
// The audit log for admins: newest first, filtered by user and action (kept in the URL), older
// events page by page through the API's cursor.
import { useInfiniteQuery } from "@tanstack/react-query";
import { parseAsString, useQueryStates } from "nuqs";
import { useState } from "react";
import { ErrorBanner } from "@/components/ui/error-banner";
import { AUDIT_ACTIONS, type AuditResponse } from "@/lib/api/audit-actions";
import { getJson } from "@/lib/client/fetch-json";
import { useI18n } from "@/lib/i18n/context";

const PAGE = 100;

function auditUrl(user: string, action: string, before: string | null): string {
  const qs = new URLSearchParams({ limit: String(PAGE) });
  if (user) qs.set("user", user);
  if (action) qs.set("action", action);
  if (before) qs.set("before", before);
  return `/api/audit?${qs}`;
}

export function AuditView() {
  const { t, fmt } = useI18n();
  const [filters, setFilters] = useQueryStates({
    user: parseAsString.withDefault(""),
    action: parseAsString.withDefault(""),
  });
  const [userInput, setUserInput] = useState(filters.user);
  const query = useInfiniteQuery({
    queryKey: ["audit", filters.user, filters.action],
    queryFn: ({ pageParam, signal }) =>
      getJson<AuditResponse>(auditUrl(filters.user, filters.action, pageParam), { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  });
  const events = query.data?.pages.flatMap((p) => p.events) ?? [];
  const actionName = (a: string) => (t.audit.actions as Record<string, string>)[a] ?? a;

  return (
    <section className="flex flex-col gap-4" aria-labelledby="audit-title">
      <div>
        <h1 id="audit-title" className="text-2xl font-bold tracking-tight">
          {t.audit.title}
        </h1>
        <p className="muted mt-1 text-sm">{t.audit.subtitle}</p>
      </div>
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          void setFilters({ user: userInput.trim() || null });
        }}
      >
        <label className="flex flex-col gap-1 text-sm">
          {t.audit.user}
          <input
            className="input"
            value={userInput}
            placeholder={t.audit.allUsers}
            onChange={(e) => setUserInput(e.target.value)}
            data-testid="audit-user"
          />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t.audit.action}
          <select
            className="input"
            value={filters.action}
            onChange={(e) => void setFilters({ action: e.target.value || null })}
            data-testid="audit-action"
          >
            <option value="">{t.audit.anyAction}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {actionName(a)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn">
          {t.audit.filter}
        </button>
      </form>
      {query.error ? (
        <ErrorBanner error={query.error} onRetry={() => void query.refetch()} />
      ) : null}
      <div className="card overflow-x-auto">
        <table className="w-full text-sm" data-testid="audit-table" aria-busy={query.isFetching}>
          <caption className="sr-only">{t.audit.title}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs text-slate-600 dark:border-slate-800 dark:text-slate-300">
              <th scope="col" className="px-4 py-2 font-medium">
                {t.audit.at}
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                {t.audit.user}
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                {t.audit.action}
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                {t.audit.target}
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                {t.audit.ip}
              </th>
            </tr>
          </thead>
          <tbody>
            {events.map((e, i) => (
              <tr
                key={`${e.at}-${i}`}
                className="border-b border-slate-100 last:border-0 dark:border-slate-800/70"
                data-testid="audit-row"
              >
                <td className="px-4 py-2 whitespace-nowrap tabular-nums">{fmt.instant(e.at)}</td>
                <td className="px-4 py-2">{e.user}</td>
                <td className="px-4 py-2" data-action={e.action}>
                  {actionName(e.action)}
                </td>
                <td className="px-4 py-2 break-all">{e.target}</td>
                <td className="muted px-4 py-2 tabular-nums">{e.ip}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {!query.isPending && events.length === 0 ? (
          <p className="muted px-4 py-6 text-center text-sm">{t.audit.empty}</p>
        ) : null}
        {query.isPending ? <p className="muted px-4 py-6 text-sm">{t.audit.loading}</p> : null}
      </div>
      {query.hasNextPage ? (
        <button
          type="button"
          className="btn self-start"
          disabled={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {query.isFetchingNextPage ? t.audit.loading : t.audit.more}
        </button>
      ) : null}
    </section>
  );
}
