// The one module that does calendar arithmetic. Dates are `YYYY-MM-DD` strings in Europe/Istanbul;
// timestamps are the API's `YYYY-MM-DD HH:MM:SS` Istanbul wall-clock strings.

export const TIME_ZONE = "Europe/Istanbul";
const DAY_MS = 86_400_000;
// Turkey has kept UTC+3 all year since 2016; the API's timestamps carry no offset.
const ISTANBUL_OFFSET_MS = 3 * 3_600_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type DateRange = { start: string; end: string };

function toUtcMs(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`not a calendar date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** True for a well-formed date that exists (rejects 2026-02-30, 2026-13-01). */
export function isCalendarDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return false;
  return fromUtcMs(toUtcMs(value)) === value;
}

export function addDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Whole days from `a` to `b` (b − a). */
export function diffDays(a: string, b: string): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / DAY_MS);
}

/** Inclusive length of a range in calendar days. */
export function rangeDays(range: DateRange): number {
  return diffDays(range.start, range.end) + 1;
}

export function eachDay(range: DateRange): string[] {
  const days: string[] = [];
  for (let d = range.start; d <= range.end; d = addDays(d, 1)) days.push(d);
  return days;
}

const wallClock = new Intl.DateTimeFormat("en-CA", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** The Istanbul wall clock at `now` as `YYYY-MM-DD HH:MM:SS`. */
export function istanbulTimestamp(now: Date): string {
  const p = Object.fromEntries(wallClock.formatToParts(now).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** Today's calendar date in Istanbul (not UTC: they differ between 00:00 and 03:00). */
export function istanbulToday(now: Date): string {
  return istanbulTimestamp(now).slice(0, 10);
}

/** The instant an Istanbul wall-clock timestamp (`YYYY-MM-DD HH:MM:SS`) denotes. */
export function instantOf(timestamp: string): Date {
  const [date = "", time = "00:00:00"] = timestamp.split(" ");
  const [h = 0, mi = 0, s = 0] = time.split(":").map(Number);
  return new Date(toUtcMs(date) + ((h * 60 + mi) * 60 + s) * 1000 - ISTANBUL_OFFSET_MS);
}

/** Splits an inclusive range into consecutive windows of at most `size` inclusive days. */
export function splitWindows(range: DateRange, size = 10): DateRange[] {
  if (size < 1) throw new RangeError("window size must be ≥ 1");
  const windows: DateRange[] = [];
  for (let start = range.start; start <= range.end; start = addDays(start, size)) {
    const end = addDays(start, size - 1);
    windows.push({ start, end: end < range.end ? end : range.end });
  }
  return windows;
}

/** The same-length period just before `range`. */
export function previousRange(range: DateRange): DateRange {
  const days = rangeDays(range);
  return { start: addDays(range.start, -days), end: addDays(range.start, -1) };
}

export const PRESETS = [
  "today",
  "yesterday",
  "last7",
  "last30",
  "last90",
  "thisMonth",
  "lastMonth",
] as const;
export type Preset = (typeof PRESETS)[number];

export function presetRange(preset: Preset, today: string): DateRange {
  const monthStart = `${today.slice(0, 8)}01`;
  switch (preset) {
    case "today":
      return { start: today, end: today };
    case "yesterday": {
      const y = addDays(today, -1);
      return { start: y, end: y };
    }
    case "last7":
      return { start: addDays(today, -6), end: today };
    case "last30":
      return { start: addDays(today, -29), end: today };
    case "last90":
      return { start: addDays(today, -89), end: today };
    case "thisMonth":
      return { start: monthStart, end: today };
    case "lastMonth": {
      const end = addDays(monthStart, -1);
      return { start: `${end.slice(0, 8)}01`, end };
    }
  }
}
