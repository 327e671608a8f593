"use client";
// Filters above the order table: search (debounced), order status chips and a sender multi-select.
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { useCloseOnOutside } from "@/lib/client/use-close-on-outside";
import { ChevronDownIcon, SearchIcon } from "@/components/ui/icons";
import { interpolate } from "@/lib/i18n/config";
import { useI18n } from "@/lib/i18n/context";
import { NO_LABEL } from "@/lib/reports/contract/report-query";
import { ORDER_STATUSES, type OrderStatus } from "@/lib/reports/contract/statuses";
import type { CampaignRow, SenderRow } from "@/lib/reports/contract/types";

const SEARCH_DEBOUNCE_MS = 350;

export function SearchBox({ value, onChange }: { value: string; onChange: (q: string) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState(value);
  const [synced, setSynced] = useState(value);
  const [sent, setSent] = useState(value);
  // Back/forward changes the URL under the box: show what the URL says. The search this box sent
  // arriving (in a transition, perhaps after more keys were typed) leaves the text alone.
  if (value !== synced) {
    setSynced(value);
    if (value !== sent) {
      setSent(value);
      setText(value);
    }
  }
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => {
      setSent(text.trim());
      onChange(text.trim());
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);
  return (
    <label className="relative flex w-full min-w-0 items-center sm:w-64">
      <span className="sr-only">{t.table.search}</span>
      <SearchIcon className="pointer-events-none absolute left-2.5 size-4 text-slate-500" />
      <input
        type="search"
        className="input w-full pl-8"
        placeholder={t.table.searchPlaceholder}
        value={text}
        maxLength={100}
        onChange={(e) => setText(e.target.value)}
        data-testid="search"
      />
    </label>
  );
}

/**
 * Orders with at least N messages: a rate sort or the totals without one-message codes. Applied
 * when the box loses focus or on Enter; empty means no minimum.
 */
export function MinMessagesFilter({
  value,
  onChange,
}: {
  value: number | undefined;
  onChange: (min: number | null) => void;
}) {
  const { t } = useI18n();
  const shown = value === undefined ? "" : String(value);
  const [text, setText] = useState(shown);
  const [synced, setSynced] = useState(shown);
  if (shown !== synced) {
    setSynced(shown);
    setText(shown);
  }
  const apply = () => {
    const n = Number(text.trim());
    const next =
      text.trim() === "" || !Number.isInteger(n) || n < 1 ? null : Math.min(n, 10_000_000);
    if ((next ?? undefined) !== value) onChange(next);
    else setText(shown);
  };
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="muted whitespace-nowrap">{t.table.minMessages}</span>
      <input
        type="number"
        inputMode="numeric"
        min={1}
        step={1}
        className="input w-24"
        placeholder={t.table.minMessagesAny}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === "Enter") apply();
        }}
        data-testid="min-messages"
      />
    </label>
  );
}

export function StatusFilter({
  value,
  onChange,
}: {
  value: OrderStatus[];
  onChange: (status: OrderStatus[]) => void;
}) {
  const { t } = useI18n();
  return (
    <div role="group" aria-label={t.table.statusFilter} className="flex flex-wrap gap-1.5">
      {ORDER_STATUSES.map((status) => {
        const on = value.includes(status);
        return (
          <button
            key={status}
            type="button"
            className="chip"
            aria-pressed={on}
            onClick={() =>
              onChange(on ? value.filter((s) => s !== status) : [...value, status].sort())
            }
            data-testid={`status-filter-${status}`}
          >
            {t.orderStatus[status]}
          </button>
        );
      })}
    </div>
  );
}

export function SenderFilter({
  senders,
  value,
  onChange,
}: {
  senders: SenderRow[];
  value: string[];
  onChange: (senders: string[]) => void;
}) {
  const { t, plural } = useI18n();
  // Every selected sender stays listed, even when it has no orders in this range.
  const counts = new Map(senders.map((s) => [s.sender, s.orders]));
  const names = [...new Set([...senders.map((s) => s.sender), ...value])];
  return (
    <ChecklistFilter
      title={t.table.senderFilter}
      summary={
        value.length === 0
          ? t.table.allSenders
          : value.length === 1
            ? (value[0] as string)
            : interpolate(plural(t.table.nSenders, value.length), { count: value.length })
      }
      options={names.map((name) => ({ value: name, text: name, count: counts.get(name) ?? 0 }))}
      value={value}
      onChange={onChange}
      clearText={t.table.clearSenders}
      testId="sender-filter"
    />
  );
}

/** Campaign labels to show (`none`: the unlabelled orders), from the range's campaigns. */
export function LabelFilter({
  campaigns,
  value,
  onChange,
}: {
  campaigns: CampaignRow[];
  value: string[];
  onChange: (labels: string[]) => void;
}) {
  const { t, plural } = useI18n();
  const key = (label: string | null) => label ?? NO_LABEL;
  const counts = new Map(campaigns.map((c) => [key(c.label), c.orders]));
  const keys = [...new Set([...campaigns.map((c) => key(c.label)), ...value])];
  const text = (k: string) => (k === NO_LABEL ? t.labels.unlabelled : k);
  return (
    <ChecklistFilter
      title={t.labels.filter}
      summary={
        value.length === 0
          ? t.labels.allLabels
          : value.length === 1
            ? text(value[0] as string)
            : interpolate(plural(t.labels.nLabels, value.length), { count: value.length })
      }
      options={keys.map((k) => ({ value: k, text: text(k), count: counts.get(k) ?? 0 }))}
      value={value}
      onChange={onChange}
      clearText={t.table.clearSenders}
      testId="label-filter"
    />
  );
}

/** A button that opens a list of checkboxes with counts: several values of one filter. */
function ChecklistFilter({
  title,
  summary,
  options,
  value,
  onChange,
  clearText,
  testId,
}: {
  title: string;
  summary: string;
  options: { value: string; text: string; count: number }[];
  value: string[];
  onChange: (values: string[]) => void;
  clearText: string;
  testId: string;
}) {
  const { fmt } = useI18n();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const listId = useId();

  useCloseOnOutside(
    open,
    rootRef,
    useCallback(() => setOpen(false), []),
  );

  return (
    <div
      ref={rootRef}
      className="relative"
      onKeyDown={(e) => {
        if (e.key === "Escape" && open) {
          e.stopPropagation();
          setOpen(false);
          rootRef.current?.querySelector("button")?.focus();
        }
      }}
    >
      <button
        type="button"
        className={`btn ${value.length ? "border-indigo-500 dark:border-indigo-400" : ""}`}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((v) => !v)}
        data-testid={testId}
      >
        <span className="muted font-normal">{title}:</span>
        <span className="max-w-32 truncate">{summary}</span>
        <ChevronDownIcon />
      </button>
      {open ? (
        <div
          id={listId}
          className="card absolute top-full left-0 z-30 mt-1 w-72 max-w-[calc(100vw-2rem)] p-2 shadow-xl"
        >
          <fieldset>
            <legend className="sr-only">{title}</legend>
            <ul className="max-h-72 overflow-y-auto">
              {options.map((option) => {
                const checked = value.includes(option.value);
                return (
                  <li key={option.value}>
                    <label className="flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
                      <input
                        type="checkbox"
                        className="size-4 accent-indigo-600"
                        checked={checked}
                        onChange={() =>
                          onChange(
                            checked
                              ? value.filter((v) => v !== option.value)
                              : [...value, option.value],
                          )
                        }
                      />
                      <span className="min-w-0 flex-1 truncate">{option.text}</span>
                      <span className="muted text-xs tabular-nums">{fmt.number(option.count)}</span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </fieldset>
          {value.length ? (
            <button
              type="button"
              className="btn btn-ghost mt-1 w-full"
              onClick={() => onChange([])}
            >
              {clearText}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** The heatmap's filter (weekdays and hours) as a chip that says what it keeps, and removes it. */
export function TimeOfWeekChip({
  value,
  onClear,
}: {
  value: { weekday: number[]; hour: number[] };
  onClear: () => void;
}) {
  const { t, fmt } = useI18n();
  if (value.weekday.length === 0 && value.hour.length === 0) return null;
  const days = value.weekday.length
    ? value.weekday.map((d) => fmt.weekday(d)).join(", ")
    : t.heatmap.everyDay;
  const hours = value.hour.length
    ? value.hour.map((h) => fmt.hourSpan(h)).join(", ")
    : t.heatmap.allDay;
  return (
    <span
      className="inline-flex items-center gap-1 rounded-full bg-indigo-50 py-1 pr-1 pl-3 text-sm text-indigo-900 dark:bg-indigo-500/15 dark:text-indigo-100"
      data-testid="time-filter"
    >
      {interpolate(t.heatmap.chip, { when: `${days}, ${hours}` })}
      <button
        type="button"
        onClick={onClear}
        aria-label={t.heatmap.clear}
        title={t.heatmap.clear}
        className="rounded-full px-1.5 leading-none hover:bg-indigo-100 dark:hover:bg-indigo-500/25"
      >
        ×
      </button>
    </span>
  );
}
