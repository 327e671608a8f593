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
function istanbulTimestamp(now: Date): string {
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

// Wall-clock seconds: a `YYYY-MM-DD HH:MM:SS` timestamp as whole seconds since 1970-01-01 00:00:00
// of the same wall clock (no offset applied), so it fits 32 bits and orders like the strings.
// Years 1970–2105 only; anything else (or a date that does not exist) has no wall-clock seconds.

const WALL_MAX_YEAR = 2105;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Days from 1970-01-01 to y-m-d (proleptic Gregorian; H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The date `days` days after 1970-01-01, as YYYY-MM-DD (civil_from_days). */
function civilFromDays(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return `${yoe + era * 400 + (m <= 2 ? 1 : 0)}-${pad2(m)}-${pad2(d)}`;
}

/** Wall-clock seconds of a `YYYY-MM-DD HH:MM:SS` timestamp; -1 when it is malformed or out of range. */
export function wallSeconds(s: string): number {
  if (s.length !== 19) return -1;
  const f = [0, 0, 0, 0, 0, 0]; // year, month, day, hour, minute, second
  let k = 0;
  for (let i = 0; i < 19; i++) {
    const c = s.charCodeAt(i);
    if (i === 4 || i === 7 || i === 10 || i === 13 || i === 16) {
      if (c !== (i === 10 ? 32 : i < 10 ? 45 : 58)) return -1;
      k++;
    } else {
      if (c < 48 || c > 57) return -1;
      f[k] = (f[k] as number) * 10 + (c - 48);
    }
  }
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0] = f;
  if (y < 1970 || y > WALL_MAX_YEAR || mo < 1 || mo > 12 || h > 23 || mi > 59 || sec > 59)
    return -1;
  if (d < 1 || d > (mo === 2 && isLeap(y) ? 29 : (MONTH_DAYS[mo - 1] as number))) return -1;
  return daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec;
}

/** The timestamp of wall-clock seconds (the inverse of wallSeconds). */
export function wallTimestamp(seconds: number): string {
  const days = Math.floor(seconds / 86400);
  const t = seconds - days * 86400;
  return `${civilFromDays(days)} ${pad2(Math.floor(t / 3600))}:${pad2(Math.floor(t / 60) % 60)}:${pad2(t % 60)}`;
}

/** Days since 1970-01-01 of a date: what Math.floor(wallSeconds / 86400) gives for its timestamps. */
export function epochDay(date: string): number {
  return Math.round(toUtcMs(date) / DAY_MS);
}

/** The epochDay of wall-clock seconds (wallSeconds): the calendar day they fall on. */
export function epochDayOfWallSeconds(seconds: number): number {
  return Math.floor(seconds / 86400);
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

export const COMPARES = ["previous", "year", "none"] as const;
export type Compare = (typeof COMPARES)[number];

const monthLength = (y: number, m: number) =>
  m === 2 && isLeap(y) ? 29 : (MONTH_DAYS[m - 1] as number);

/** The date in month `m` of year `y` (months may run past 12 or below 1), its day clipped. */
function dateIn(y: number, m: number, day: number): string {
  const year = y + Math.floor((m - 1) / 12);
  const month = ((((m - 1) % 12) + 12) % 12) + 1;
  return `${year}-${pad2(month)}-${pad2(Math.min(day, monthLength(year, month)))}`;
}

const ymd = (date: string) => date.split("-").map(Number) as [number, number, number];

const isLastOfMonth = (date: string) => {
  const [y, m, d] = ymd(date);
  return d === monthLength(y, m);
};

/**
 * The period a range is compared with (product.md "Comparisons"). `previous`: whole calendar
 * months — first day to last, or to today in the current month — against as many months just
 * before (a month to date against the same days of the month before, clipped to its length);
 * any other range against the same number of days just before. `year`: the same dates a year
 * earlier, 29 February → 28 February. `none`: no comparison.
 */
export function comparisonRange(
  range: DateRange,
  compare: Compare,
  today: string,
): DateRange | null {
  if (compare === "none") return null;
  const [sy, sm, sd] = ymd(range.start);
  const [ey, em, ed] = ymd(range.end);
  if (compare === "year") return { start: dateIn(sy - 1, sm, sd), end: dateIn(ey - 1, em, ed) };
  const wholeMonths = sd === 1 && (isLastOfMonth(range.end) || range.end === today);
  if (!wholeMonths) return previousRange(range);
  const months = (ey - sy) * 12 + (em - sm) + 1;
  const end = isLastOfMonth(range.end) ? dateIn(ey, em - months, 31) : dateIn(ey, em - months, ed);
  return { start: dateIn(sy, sm - months, 1), end };
}

/**
 * Like for like: when the range ends today, its comparison stops at the same time of day on its
 * own last day (today until 09:20 against yesterday until 09:20). The cut-off as an Istanbul
 * wall-clock timestamp, or null when the range is over (whole days on both sides).
 */
export function comparisonCutoff(
  range: DateRange,
  comparison: DateRange,
  now: Date,
): string | null {
  const wall = istanbulTimestamp(now);
  if (range.end !== wall.slice(0, 10)) return null;
  return `${comparison.end} ${wall.slice(11)}`;
}

export const BUCKETS = ["day", "week", "month"] as const;
export type Bucket = (typeof BUCKETS)[number];

/** The series' default grouping for a range: days up to 62 days, weeks up to 200, else months. */
export function defaultBucket(range: DateRange): Bucket {
  const days = rangeDays(range);
  return days <= 62 ? "day" : days <= 200 ? "week" : "month";
}

/** Monday 0 … Sunday 6 of a day counted from 1970-01-01 (a Thursday). */
export const weekdayOfEpochDay = (day: number) => (((day + 3) % 7) + 7) % 7;

/** The first day of the bucket `date` falls in: itself, its week's Monday, or its month's 1st. */
export function bucketStart(date: string, bucket: Bucket): string {
  if (bucket === "day") return date;
  if (bucket === "month") return `${date.slice(0, 8)}01`;
  return addDays(date, -weekdayOfEpochDay(epochDay(date)));
}

/** The days of `range` that the bucket starting on `first` covers (what clicking it narrows to). */
export function bucketRange(first: string, bucket: Bucket, range: DateRange): DateRange {
  const [y, m] = ymd(first);
  const last = bucket === "day" ? first : bucket === "week" ? addDays(first, 6) : dateIn(y, m, 31);
  return {
    start: first < range.start ? range.start : first,
    end: last > range.end ? range.end : last,
  };
}

export const PRESETS = [
  "today",
  "yesterday",
  "last7",
  "last30",
  "last90",
  "last12Months",
  "thisMonth",
  "lastMonth",
  "thisYear",
  "lastYear",
] as const;
export type Preset = (typeof PRESETS)[number];

/**
 * A preset's range on `today`, cut to its last `maxRangeDays` days when longer (the same rule as
 * an over-long link: the most recent days are kept).
 */
export function presetRange(preset: Preset, today: string, maxRangeDays = Infinity): DateRange {
  const range = uncappedPreset(preset, today);
  return rangeDays(range) > maxRangeDays
    ? { start: addDays(range.end, -(maxRangeDays - 1)), end: range.end }
    : range;
}

function uncappedPreset(preset: Preset, today: string): DateRange {
  const monthStart = `${today.slice(0, 8)}01`;
  const year = Number(today.slice(0, 4));
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
    case "last12Months": {
      // The day after the same date a year ago (29 February → 28 February, so from 1 March).
      const month = Number(today.slice(5, 7));
      const day = Math.min(
        Number(today.slice(8, 10)),
        month === 2 && isLeap(year - 1) ? 29 : (MONTH_DAYS[month - 1] as number),
      );
      return { start: addDays(`${year - 1}-${pad2(month)}-${pad2(day)}`, 1), end: today };
    }
    case "thisYear":
      return { start: `${year}-01-01`, end: today };
    case "lastYear":
      return { start: `${year - 1}-01-01`, end: `${year - 1}-12-31` };
  }
}
