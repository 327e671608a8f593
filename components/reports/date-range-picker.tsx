"use client";
// Presets and a two-month range calendar (one month on narrow screens), computed in Istanbul days.
import dynamic from "next/dynamic";
import { useEffect, useId, useRef, useState } from "react";
import type { DateRange as DayRange } from "react-day-picker";
import { CalendarIcon, ChevronDownIcon } from "@/components/ui/icons";
import { PRESETS, presetRange, rangeDays, type DateRange, type Preset } from "@/lib/dates";
import { interpolate } from "@/lib/i18n/config";
import { useI18n } from "@/lib/i18n/context";
import { rangeProblem, type RangeProblem } from "@/lib/ui/range-problem";
import { useMediaQuery } from "@/lib/client/use-media-query";

const loadCalendar = () => import("./range-calendar");

/** The calendar loads when the picker first opens (or is pointed at); its place is kept meanwhile. */
const RangeCalendar = dynamic(() => loadCalendar().then((m) => m.RangeCalendar), {
  ssr: false,
  loading: () => <div className="h-[19rem] w-[17.5rem] md:w-[36rem]" aria-hidden="true" />,
});

const toDate = (day: string) =>
  new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
const pad = (n: number) => String(n).padStart(2, "0");
const fromDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

type Props = {
  range: DateRange;
  today: string;
  maxRangeDays: number;
  onChange: (range: DateRange) => void;
};

export function DateRangePicker({ range, today, maxRangeDays, onChange }: Props) {
  const { t, fmt, plural } = useI18n();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const days = rangeDays(range);

  useEffect(() => {
    if (!open) return;
    function onPointer(event: PointerEvent) {
      const target = event.target as Node;
      if (!panelRef.current?.contains(target) && !buttonRef.current?.contains(target))
        setOpen(false);
    }
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  function close(apply?: DateRange) {
    setOpen(false);
    buttonRef.current?.focus();
    if (apply && (apply.start !== range.start || apply.end !== range.end)) onChange(apply);
  }

  return (
    <div className="relative">
      <button
        ref={buttonRef}
        type="button"
        className="btn w-full justify-start sm:w-auto"
        aria-expanded={open}
        aria-controls={panelId}
        aria-haspopup="dialog"
        onClick={() => setOpen((v) => !v)}
        onPointerEnter={() => void loadCalendar()}
        onFocus={() => void loadCalendar()}
        data-testid="range-button"
      >
        <CalendarIcon />
        <span className="sr-only">{t.range.label}: </span>
        <span data-testid="range-label">{fmt.dateRange(range)}</span>
        <span className="muted text-xs font-normal">{daysText({ t, plural }, days)}</span>
        <ChevronDownIcon className="ml-auto size-4 sm:ml-0" />
      </button>
      {open ? (
        <div
          ref={panelRef}
          id={panelId}
          role="dialog"
          aria-label={t.range.label}
          className="card fixed inset-x-2 top-16 z-40 max-h-[calc(100dvh-5rem)] overflow-y-auto p-3 shadow-xl sm:absolute sm:inset-x-auto sm:top-full sm:right-0 sm:mt-2 sm:w-max sm:max-w-[calc(100vw-2rem)]"
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.stopPropagation();
              close();
            }
          }}
        >
          <PickerPanel range={range} today={today} maxRangeDays={maxRangeDays} onDone={close} />
        </div>
      ) : null}
    </div>
  );
}

function PickerPanel({
  range,
  today,
  maxRangeDays,
  onDone,
}: {
  range: DateRange;
  today: string;
  maxRangeDays: number;
  onDone: (apply?: DateRange) => void;
}) {
  const { t, fmt, locale, plural } = useI18n();
  const wide = useMediaQuery("(min-width: 768px)", true);
  const [start, setStart] = useState(range.start);
  const [end, setEnd] = useState<string | null>(range.end);
  const firstPreset = useRef<HTMLButtonElement>(null);
  const problem = rangeProblem(start, end, today, maxRangeDays);
  const messageId = useId();

  useEffect(() => firstPreset.current?.focus(), []);

  const selected: DayRange | undefined = isValid(start)
    ? { from: toDate(start), to: end && isValid(end) ? toDate(end) : undefined }
    : undefined;

  return (
    <div className="flex flex-col gap-3 md:flex-row">
      <div className="md:w-40 md:border-r md:border-slate-200 md:pr-3 dark:md:border-slate-800">
        <p className="muted mb-2 text-xs font-semibold tracking-wide uppercase">
          {t.range.presets}
        </p>
        <ul className="grid grid-cols-2 gap-1 md:grid-cols-1">
          {PRESETS.map((preset: Preset, i) => {
            const r = presetRange(preset, today, maxRangeDays);
            const current = r.start === range.start && r.end === range.end;
            return (
              <li key={preset}>
                <button
                  ref={i === 0 ? firstPreset : undefined}
                  type="button"
                  aria-pressed={current}
                  className="w-full rounded-md px-2 py-1.5 text-left text-sm hover:bg-slate-100 aria-pressed:bg-indigo-50 aria-pressed:font-semibold aria-pressed:text-indigo-800 dark:hover:bg-slate-800 dark:aria-pressed:bg-indigo-500/15 dark:aria-pressed:text-indigo-100"
                  onClick={() => onDone(r)}
                  data-testid={`preset-${preset}`}
                >
                  {t.range.preset[preset]}
                </button>
              </li>
            );
          })}
        </ul>
      </div>
      <div className="min-w-0">
        <RangeCalendar
          locale={locale}
          months={wide ? 2 : 1}
          selected={selected}
          onSelect={(r) => {
            setStart(r?.from ? fromDate(r.from) : start);
            setEnd(r?.to ? fromDate(r.to) : null);
          }}
          defaultMonth={toDate(wide ? shiftMonth(range.end, -1) : range.end)}
          today={toDate(today)}
        />
        <div className="mt-2 flex flex-wrap items-end gap-2">
          <label className="flex flex-col gap-1 text-xs font-medium">
            {t.range.start}
            <input
              type="date"
              className="input"
              value={start}
              max={today}
              onChange={(e) => setStart(e.target.value)}
              aria-describedby={messageId}
              data-testid="range-start"
            />
          </label>
          <label className="flex flex-col gap-1 text-xs font-medium">
            {t.range.end}
            <input
              type="date"
              className="input"
              value={end ?? ""}
              max={today}
              onChange={(e) => setEnd(e.target.value || null)}
              aria-describedby={messageId}
              data-testid="range-end"
            />
          </label>
        </div>
        <p
          id={messageId}
          aria-live="polite"
          className={`mt-2 min-h-5 max-w-md text-sm ${problem && problem.kind !== "incomplete" ? "font-medium text-red-700 dark:text-red-300" : "muted"}`}
          data-testid="range-message"
        >
          {problem
            ? problemText(problem, { t, plural }, fmt.date(today), maxRangeDays)
            : end
              ? `${fmt.dateRange({ start, end })} · ${daysText({ t, plural }, rangeDays({ start, end }))}`
              : null}
        </p>
        <div className="mt-3 flex justify-end gap-2">
          <button type="button" className="btn" onClick={() => onDone()}>
            {t.range.cancel}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={problem !== null}
            onClick={() => end && onDone({ start, end })}
            data-testid="range-apply"
          >
            {t.range.apply}
          </button>
        </div>
      </div>
    </div>
  );
}

function isValid(day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(toDate(day).getTime());
}

function shiftMonth(day: string, months: number): string {
  const d = toDate(day);
  return fromDate(new Date(d.getFullYear(), d.getMonth() + months, 1));
}

type Words = Pick<ReturnType<typeof useI18n>, "t" | "plural">;

function daysText({ t, plural }: Words, days: number): string {
  return interpolate(plural(t.range.days, days), { days });
}

function problemText(
  problem: RangeProblem,
  { t, plural }: Words,
  today: string,
  max: number,
): string {
  switch (problem.kind) {
    case "invalidDate":
      return t.range.invalidDate;
    case "incomplete":
      return t.range.pickEnd;
    case "endBeforeStart":
      return t.range.endBeforeStart;
    case "future":
      return interpolate(t.range.future, { today });
    case "tooLong":
      return interpolate(plural(t.range.tooLong, max), { max, days: problem.days });
  }
}
