"use client";
// The /reports screen: everything it shows follows the URL (nuqs), fetched as one report query.
import { memo, useCallback, useDeferredValue, useMemo, useState } from "react";
import { AccountCard } from "@/components/account/account-card";
import { ChartSkeleton } from "@/components/charts/chart-card";
import { DailyChart, SenderChart, StatusChart } from "@/components/charts/lazy-charts";
import { ErrorBanner } from "@/components/ui/error-banner";
import { Pagination } from "@/components/ui/pagination";
import { InTurn } from "@/components/ui/turns";
import { defaultBucket, type Bucket, type DateRange } from "@/lib/dates";
import { interpolate } from "@/lib/i18n/config";
import { useI18n } from "@/lib/i18n/context";
import {
  PAGE_SIZES,
  serializeReportParams,
  type RangeContext,
  type ReportQuery,
  type Sort,
} from "@/lib/reports/contract/report-query";
import type { ProgressResponse, ReportResponse } from "@/lib/reports/contract/types";
import { exportHref, reportSearch } from "@/lib/client/report-queries";
import { DateRangePicker } from "./date-range-picker";
import { EmptyState } from "./empty-state";
import { LabelMatching } from "./label-matching";
import type { TimeOfWeek } from "./heatmap-card";
import { CampaignsCard, HeatmapCard, WorstOrdersCard } from "./lazy-cards";
import { CompareSelect, KpiCards, KpiSkeleton } from "./kpi-cards";
import {
  LabelFilter,
  MinMessagesFilter,
  SearchBox,
  SenderFilter,
  StatusFilter,
  TimeOfWeekChip,
} from "./orders-filters";
import { OrdersCards } from "./orders-cards";
import { OrdersTable, TableSkeleton, type RowSelection } from "./orders-table";
import { CopyLinkButton, ExportButton, RefreshButton } from "./report-actions";
import {
  InvalidUrlNotice,
  LinkAdjustedNotice,
  ProgressPanel,
  ProvisionalBanner,
} from "./report-banners";
import { useLinkAdjustments } from "@/lib/client/use-link-adjustments";
import { useCan } from "@/lib/client/role-context";
import { useReport } from "@/lib/client/use-report";
import type { LinkAdjustment } from "@/lib/reports/contract/link-adjustments";
import {
  useReportParams,
  type ReportContext,
  type ReportParams,
  type SetReportParams,
} from "@/lib/client/use-report-params";

const NO_IDS: ReadonlySet<number> = new Set();

/** What the report screen shows: the URL's query and the state of its report. */
type ReportState = {
  query: ReportQuery;
  params: ReportParams;
  data: ReportResponse | undefined;
  error: Error | null;
  fetching: boolean;
  placeholder: boolean;
  loadingRange: boolean;
  progress: ProgressResponse | undefined;
  provisional: boolean;
  paused: boolean;
  refreshing: boolean;
  refreshError: Error | null;
};

type ReportActions = {
  setParams: SetReportParams;
  refetch: () => void;
  refresh: () => void;
  setPaused: (paused: boolean) => void;
};

type Notes = { dropped: string[]; adjusted: LinkAdjustment[] };

/**
 * The hooks of the screen, and the screen drawn from a deferred copy of their state. A report
 * arriving notifies react-query's observers, which React renders at once and in one task; here that
 * render only compares this state, and the screen is redrawn in a transition that yields to the
 * browser between components (bench item 11: no long task over 100 ms).
 */
export function ReportView({
  today,
  maxRangeDays,
  resolved,
  dropped,
  adjusted,
}: ReportContext & Notes) {
  const { query, params, setParams } = useReportParams({ today, maxRangeDays, resolved });
  const { report, refresh, paused, setPaused, provisional, loadingRange, progress } =
    useReport(query);
  const { data, error, isFetching, isPlaceholderData, refetch } = report;
  const { mutate, isPending, error: refreshError } = refresh;
  const live = useMemo<ReportState>(
    () => ({
      query,
      params,
      data,
      error,
      fetching: isFetching,
      placeholder: isPlaceholderData,
      loadingRange,
      progress,
      provisional,
      paused,
      refreshing: isPending,
      refreshError,
    }),
    [
      query,
      params,
      data,
      error,
      isFetching,
      isPlaceholderData,
      loadingRange,
      progress,
      provisional,
      paused,
      isPending,
      refreshError,
    ],
  );
  const view = useDeferredValue(live);
  const actions = useMemo<ReportActions>(
    () => ({
      setParams,
      refetch: () => void refetch(),
      refresh: () => mutate(),
      setPaused,
    }),
    [setParams, refetch, mutate, setPaused],
  );
  return (
    // Busy while the screen still shows the state before the last change (tests and assistive
    // technology wait for it); `contents` leaves the page's layout to the parts.
    <div className="contents" aria-busy={view !== live} data-testid="report-screen">
      <ReportScreen
        view={view}
        actions={actions}
        today={today}
        maxRangeDays={maxRangeDays}
        dropped={dropped}
        adjusted={adjusted}
      />
    </div>
  );
}

const ReportScreen = memo(function ReportScreen({
  view,
  actions,
  today,
  maxRangeDays,
  dropped,
  adjusted,
}: RangeContext & Notes & { view: ReportState; actions: ReportActions }) {
  const { t, fmt, plural } = useI18n();
  const { query, params, data } = view;
  const { setParams } = actions;
  const [showInvalid, setShowInvalid] = useState(dropped.length > 0);
  // A link with unusable settings or more than can be shown: the address bar says what is shown.
  const link = useLinkAdjustments({
    query,
    setParams,
    dropped,
    adjusted,
    data: view.placeholder ? undefined : data,
  });

  const setQ = useCallback(
    (q: string) => void setParams({ q: q || null, page: null }),
    [setParams],
  );
  // Stable callbacks: the charts are memoised on their data and these.
  const selectRange = useCallback(
    (r: DateRange) => void setParams({ start: r.start, end: r.end, bucket: null, page: null }),
    [setParams],
  );
  const range = data?.range;
  const setBucket = useCallback(
    (bucket: Bucket) =>
      void setParams({ bucket: range && bucket === defaultBucket(range) ? null : bucket }),
    [setParams, range],
  );
  const setTimeOfWeek = useCallback(
    ({ weekday, hour }: TimeOfWeek) => void setParams({ weekday, hour, page: null }),
    [setParams],
  );
  const timeOfWeek = useMemo(
    () => ({ weekday: query.weekday, hour: query.hour }),
    [query.weekday, query.hour],
  );
  const toggleLabel = useCallback(
    (label: string) =>
      void setParams({
        label: query.label.includes(label)
          ? query.label.filter((l) => l !== label)
          : [...query.label, label],
        page: null,
      }),
    [setParams, query.label],
  );
  // Rows picked for a label: this page of this selection only (anything else clears them).
  const canLabel = useCan("label");
  const pageKey = reportSearch(query);
  const [picked, setPicked] = useState<{ key: string; ids: Set<number> }>({
    key: pageKey,
    ids: new Set(),
  });
  const pickedIds = picked.key === pageKey ? picked.ids : NO_IDS;
  const pageIds = data?.orders.items.map((o) => o.id) ?? [];
  const selection: RowSelection | undefined = canLabel
    ? {
        ids: pickedIds,
        toggle: (id) => {
          const ids = new Set(pickedIds);
          if (!ids.delete(id)) ids.add(id);
          setPicked({ key: pageKey, ids });
        },
        togglePage: () =>
          setPicked({
            key: pageKey,
            ids: pageIds.every((id) => pickedIds.has(id)) ? new Set() : new Set(pageIds),
          }),
      }
    : undefined;
  const showWorst = useCallback(
    (minMessages: number, sort: Sort) => {
      void setParams({ minMessages, sort, page: null });
      document.getElementById("orders-title")?.scrollIntoView({ block: "start" });
    },
    [setParams],
  );
  const onSort = (sort: Sort) => void setParams({ sort, page: null });
  const filtered =
    query.sender.length > 0 ||
    query.status.length > 0 ||
    query.q !== "" ||
    query.minMessages !== undefined ||
    query.weekday.length > 0 ||
    query.hour.length > 0 ||
    query.label.length > 0;
  const reportHref = `/reports${serializeReportParams(params)}`;
  const toggleSender = (sender: string) =>
    void setParams({
      sender: query.sender.includes(sender)
        ? query.sender.filter((s) => s !== sender)
        : [...query.sender, sender],
      page: null,
    });

  return (
    <>
      <div className="flex flex-col gap-4 lg:flex-row lg:items-end lg:justify-between">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold tracking-tight">{t.report.title}</h1>
          <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1">
            <CompareSelect
              compare={query.compare}
              onChange={(compare) => void setParams({ compare })}
            />
            <p className="muted text-sm" data-testid="compared-with">
              {data?.previous
                ? interpolate(t.report.previousPeriod, {
                    range: fmt.dateRange(data.previous.range),
                  })
                : t.app.timeZoneNote}
            </p>
          </div>
          <AccountCard />
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <div className="w-full sm:w-auto">
            <DateRangePicker
              range={query}
              today={today}
              maxRangeDays={maxRangeDays}
              onChange={(r) => void setParams({ start: r.start, end: r.end, page: null })}
            />
          </div>
          <CopyLinkButton />
          <ExportButton href={exportHref(query)} />
        </div>
      </div>

      <div className="flex flex-col gap-3 md:flex-row md:items-center md:justify-between">
        <div className="flex flex-wrap items-center gap-2">
          <SearchBox value={query.q} onChange={setQ} />
          <MinMessagesFilter
            value={query.minMessages}
            onChange={(minMessages) => void setParams({ minMessages, page: null })}
          />
          <SenderFilter
            senders={data?.senders ?? []}
            value={query.sender}
            onChange={(sender) => void setParams({ sender, page: null })}
          />
          <StatusFilter
            value={query.status}
            onChange={(status) => void setParams({ status, page: null })}
          />
          <LabelFilter
            campaigns={data?.campaigns ?? []}
            value={query.label}
            onChange={(label) => void setParams({ label, page: null })}
          />
          <TimeOfWeekChip
            value={timeOfWeek}
            onClear={() => setTimeOfWeek({ weekday: [], hour: [] })}
          />
        </div>
        <RefreshButton
          onRefresh={data ? actions.refresh : actions.refetch}
          refreshing={view.refreshing}
          generatedAt={data?.generatedAt}
        />
      </div>

      {showInvalid ? (
        <InvalidUrlNotice params={dropped} onDismiss={() => setShowInvalid(false)} />
      ) : null}
      {link.notices.length > 0 ? (
        <LinkAdjustedNotice adjustments={link.notices} onDismiss={link.dismiss} />
      ) : null}
      {view.error && !view.fetching ? (
        <ErrorBanner error={view.error} onRetry={actions.refetch} />
      ) : null}
      {view.refreshError ? (
        <ErrorBanner error={view.refreshError} onRetry={actions.refresh} />
      ) : null}
      {view.loadingRange ? <ProgressPanel progress={view.progress} /> : null}
      {view.provisional ? (
        <ProvisionalBanner paused={view.paused} onToggle={() => actions.setPaused(!view.paused)} />
      ) : null}

      {data ? <KpiCards report={data} today={today} /> : view.error ? null : <KpiSkeleton />}

      {data && data.totals.orders === 0 ? (
        <EmptyState
          filtered={filtered}
          range={query}
          onClear={() =>
            void setParams({
              sender: null,
              status: null,
              q: null,
              minMessages: null,
              weekday: null,
              hour: null,
              label: null,
              page: null,
            })
          }
        />
      ) : (
        <>
          <div className="grid gap-4 lg:grid-cols-3">
            {data ? (
              <>
                <DailyChart
                  series={data.series}
                  bucket={data.bucket}
                  range={data.range}
                  className="lg:col-span-3"
                  onSelectRange={selectRange}
                  onBucket={setBucket}
                />
                <StatusChart statuses={data.statuses} />
                <SenderChart
                  senders={data.senders}
                  selected={query.sender}
                  onToggleSender={toggleSender}
                  className="lg:col-span-2"
                />
                <div className="min-w-0 lg:col-span-2">
                  <InTurn fallback={<ChartSkeleton height={220} />}>
                    <HeatmapCard
                      cells={data.heatmap}
                      selected={timeOfWeek}
                      onSelect={setTimeOfWeek}
                    />
                  </InTurn>
                </div>
                <WorstOrdersCard
                  query={query}
                  ready={!view.placeholder && !view.loadingRange}
                  reportHref={reportHref}
                  onShowAll={showWorst}
                />
              </>
            ) : view.error ? null : (
              <>
                <ChartSkeleton className="lg:col-span-3" />
                <ChartSkeleton height={180} />
                <ChartSkeleton height={180} className="lg:col-span-2" />
              </>
            )}
          </div>

          {data ? (
            <InTurn fallback={null}>
              <CampaignsCard
                campaigns={data.campaigns}
                selected={query.label}
                onToggle={toggleLabel}
              />
            </InTurn>
          ) : null}

          <section className="card min-w-0" aria-labelledby="orders-title">
            <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
              <h2 id="orders-title" className="card-title">
                {t.table.title}
                {data ? (
                  <span className="muted ml-2 font-normal tabular-nums">
                    {fmt.number(data.orders.total)}
                  </span>
                ) : null}
              </h2>
              <div className="flex flex-wrap items-center gap-3">
                {data ? (
                  <LabelMatching
                    target={{ query: reportSearch(query, { page: false }) }}
                    count={data.orders.total}
                  />
                ) : null}
                <p className="muted text-xs">{t.table.timesNote}</p>
              </div>
            </div>
            {data ? (
              <>
                {link.pastLastPage ? (
                  <TableSkeleton />
                ) : data.orders.items.length ? (
                  <>
                    {pickedIds.size > 0 ? (
                      <div
                        className="flex flex-wrap items-center gap-3 border-b border-slate-200 bg-indigo-50 px-4 py-2 text-sm dark:border-slate-800 dark:bg-indigo-500/10"
                        data-testid="selection-bar"
                      >
                        <span className="font-medium">
                          {interpolate(plural(t.labels.selected, pickedIds.size), {
                            count: fmt.number(pickedIds.size),
                          })}
                        </span>
                        <LabelMatching
                          target={{ ids: [...pickedIds] }}
                          count={pickedIds.size}
                          text={t.labels.labelSelected}
                          testId="label-selected"
                        />
                        <button
                          type="button"
                          className="btn btn-ghost"
                          onClick={() => setPicked({ key: pageKey, ids: new Set() })}
                        >
                          {t.labels.clearSelection}
                        </button>
                      </div>
                    ) : null}
                    <InTurn fallback={<TableSkeleton />}>
                      <OrdersTable
                        items={data.orders.items}
                        sort={query.sort}
                        onSort={onSort}
                        reportHref={reportHref}
                        dimmed={view.placeholder}
                        selection={selection}
                      />
                      <OrdersCards
                        items={data.orders.items}
                        sort={query.sort}
                        onSort={onSort}
                        reportHref={reportHref}
                        dimmed={view.placeholder}
                      />
                    </InTurn>
                  </>
                ) : (
                  <p className="muted px-4 py-8 text-center text-sm">{t.table.noRows}</p>
                )}
                <Pagination
                  page={query.page}
                  pageSize={query.pageSize}
                  total={data.orders.total}
                  pageSizes={PAGE_SIZES}
                  onPage={(page) => void setParams({ page })}
                  onPageSize={(pageSize) => void setParams({ pageSize, page: null })}
                />
              </>
            ) : view.error ? null : (
              <TableSkeleton />
            )}
          </section>
        </>
      )}
      <p className="muted text-center text-xs">{t.app.timeZoneNote}</p>
    </>
  );
});
