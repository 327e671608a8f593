// Intl formatters for one locale. Calendar dates (`YYYY-MM-DD`) are formatted as UTC days so the
// viewer's zone cannot shift them; instants are shown on the Istanbul clock.
import { instantOf, TIME_ZONE } from "@/lib/dates";
import { INTL_LOCALE, type Locale } from "@/lib/i18n/config";

const EMPTY = "—";

function calendarDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function createFormatters(locale: Locale) {
  const tag = INTL_LOCALE[locale];
  const integer = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(tag, { maximumFractionDigits: 4 });
  const compact = new Intl.NumberFormat(tag, { notation: "compact", maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(tag, {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const change = new Intl.NumberFormat(tag, {
    style: "percent",
    maximumFractionDigits: 1,
    signDisplay: "never",
  });
  const day = new Intl.DateTimeFormat(tag, {
    timeZone: "UTC",
    day: "numeric",
    month: "short",
    year: "numeric",
  });
  const points = new Intl.NumberFormat(tag, {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
    signDisplay: "exceptZero",
  });
  const monthName = new Intl.DateTimeFormat(tag, { timeZone: "UTC", month: "long" });
  const monthYear = new Intl.DateTimeFormat(tag, {
    timeZone: "UTC",
    month: "long",
    year: "numeric",
  });
  const monthShort = new Intl.DateTimeFormat(tag, {
    timeZone: "UTC",
    month: "short",
    year: "numeric",
  });
  const weekdayLong = new Intl.DateTimeFormat(tag, { timeZone: "UTC", weekday: "long" });
  const weekdayShort = new Intl.DateTimeFormat(tag, { timeZone: "UTC", weekday: "short" });
  // 1 January 2024 was a Monday: weekday k (Monday 0) is that day plus k.
  const weekdayDate = (k: number) => new Date(Date.UTC(2024, 0, 1 + k));
  const hourMinute = new Intl.DateTimeFormat(tag, {
    timeZone: TIME_ZONE,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  const dayShort = new Intl.DateTimeFormat(tag, {
    timeZone: "UTC",
    day: "numeric",
    month: "short",
  });
  const dayLong = new Intl.DateTimeFormat(tag, {
    timeZone: "UTC",
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  });
  const dateTime = new Intl.DateTimeFormat(tag, {
    timeZone: TIME_ZONE,
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  const time = new Intl.DateTimeFormat(tag, {
    timeZone: TIME_ZONE,
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  });

  return {
    locale,
    number: (n: number) => integer.format(n),
    decimal: (n: number) => decimal.format(n),
    /** A count in few characters for an axis: "1,4 Mn", "350 B" / "1.4M", "350K". */
    compact: (n: number) => compact.format(n),
    /** A share in 0..1; null (nothing final yet) reads as a dash. */
    percent: (rate: number | null | undefined) => (rate == null ? EMPTY : percent.format(rate)),
    /** Size of a relative change, unsigned (the caller says up or down), e.g. "12.5%". */
    change: (ratio: number) => change.format(ratio),
    /** A difference of two rates in percentage points, signed: "−2.2". */
    points: (diff: number) => points.format(diff * 100),
    /** The month of a date, by name ("September"). */
    month: (date: string) => monthName.format(calendarDay(date)),
    /** A month and its year ("March 2026"); `short`: "Mar 2026". */
    monthYear: (date: string, short = false) =>
      (short ? monthShort : monthYear).format(calendarDay(date)),
    /** A weekday by the heatmap's index (Monday 0): "Monday"; `short`: "Mon". */
    weekday: (k: number, short = false) =>
      (short ? weekdayShort : weekdayLong).format(weekdayDate(k)),
    /** An hour of the day as a span ("09:00–10:00"). */
    hourSpan: (h: number) =>
      `${String(h).padStart(2, "0")}:00–${String((h + 1) % 24).padStart(2, "0")}:00`,
    /** An ISO instant's Istanbul time of day, hours and minutes ("09:20"). */
    hourMinute: (iso: string) => hourMinute.format(new Date(iso)),
    date: (date: string) => day.format(calendarDay(date)),
    dateShort: (date: string) => dayShort.format(calendarDay(date)),
    dateLong: (date: string) => dayLong.format(calendarDay(date)),
    /** Built from single dates: formatRange's spacing differs between ICU builds (hydration). */
    dateRange: (range: { start: string; end: string }) => {
      if (range.start === range.end) return day.format(calendarDay(range.start));
      const first = range.start.slice(0, 4) === range.end.slice(0, 4) ? dayShort : day;
      return `${first.format(calendarDay(range.start))} – ${day.format(calendarDay(range.end))}`;
    },
    /** An API wall-clock timestamp (`YYYY-MM-DD HH:MM:SS`, Istanbul). */
    timestamp: (wallClock: string) => {
      const instant = instantOf(wallClock);
      return Number.isNaN(instant.getTime()) ? wallClock : dateTime.format(instant);
    },
    /** An ISO instant, as an Istanbul date and time. */
    instant: (iso: string) => dateTime.format(new Date(iso)),
    /** An ISO instant, as an Istanbul time of day. */
    time: (iso: string) => time.format(new Date(iso)),
  };
}

export type Formatters = ReturnType<typeof createFormatters>;
