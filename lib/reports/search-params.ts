// The report view's URL state: one definition for the page (nuqs), the browser's API calls and the
// route handler (zod, strict, with messages a user can act on).
import {
  createSerializer,
  parseAsArrayOf,
  parseAsBoolean,
  parseAsInteger,
  parseAsNumberLiteral,
  parseAsString,
  parseAsStringLiteral,
} from "nuqs/server";
import { z } from "zod";
import { addDays, isCalendarDate, rangeDays } from "@/lib/dates";

// zod probes `new Function("")` to decide on its JIT; under the pages' CSP (no 'unsafe-eval')
// that probe is a reported violation. The interpreter is fast enough for query strings.
z.config({ jitless: true });

export const ORDER_STATUS_VALUES = [113, 114, 115] as const;
export const MESSAGE_STATUS_VALUES = [110, 111, 112] as const;

export const SORT_FIELDS = [
  "id",
  "status",
  "total",
  "delivered",
  "undelivered",
  "waiting",
  "submitAt",
  "sendAt",
  "sender",
  "deliveryRate",
] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export const SORTS = SORT_FIELDS.flatMap((f) => [f, `-${f}`] as const);
export type Sort = (typeof SORTS)[number];

export const DEFAULT_SORT: Sort = "-submitAt";
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
export const PAGE_SIZES = [25, 50, 100, 250, 500] as const;
export const DEFAULT_RANGE_DAYS = 7;

/** nuqs parsers for /reports; the same keys and serialisation as GET /api/reports. */
export const reportSearchParams = {
  start: parseAsString,
  end: parseAsString,
  sender: parseAsArrayOf(parseAsString, ",").withDefault([]),
  status: parseAsArrayOf(parseAsNumberLiteral(ORDER_STATUS_VALUES), ",").withDefault([]),
  q: parseAsString.withDefault(""),
  sort: parseAsStringLiteral(SORTS).withDefault(DEFAULT_SORT),
  page: parseAsInteger.withDefault(1),
  pageSize: parseAsInteger.withDefault(DEFAULT_PAGE_SIZE),
  refresh: parseAsBoolean.withDefault(false),
};
export const serializeReportParams = createSerializer(reportSearchParams, { clearOnDefault: true });

export type ReportQuery = {
  start: string;
  end: string;
  sender: string[];
  status: number[];
  q: string;
  sort: Sort;
  page: number;
  pageSize: number;
  refresh: boolean;
  /** CSV separator of the export (`;` when absent). */
  sep?: ";" | ",";
};

export class InvalidQueryError extends Error {
  /** By name, not `instanceof`: see UpstreamError.is. */
  static is(error: unknown): error is InvalidQueryError {
    return error instanceof Error && error.name === "InvalidQueryError" && "param" in error;
  }

  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
    this.name = "InvalidQueryError";
  }
}

const dateParam = (name: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${name} must be a date in YYYY-MM-DD format, e.g. 2026-04-22.`)
    .refine(isCalendarDate, `${name} is not a real calendar date.`);

const intParam = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, `${name} must be a whole number between ${min} and ${max}.`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${name} must be a whole number between ${min} and ${max}.`);

const listParam = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .array(z.string())
    .transform((values) =>
      values
        .flatMap((v) => v.split(","))
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(50, "at most 50 values"));

const scalars = {
  start: dateParam("start").optional(),
  end: dateParam("end").optional(),
  q: z.string().max(100, "q must be at most 100 characters.").optional(),
  sort: z
    .enum(SORTS, { error: `sort must be one of ${SORT_FIELDS.join(", ")}, optionally prefixed with "-".` })
    .optional(),
  page: intParam("page", 1, 1_000_000).optional(),
  pageSize: intParam("pageSize", 1, MAX_PAGE_SIZE).optional(),
  refresh: z.enum(["0", "1", "true", "false"], { error: "refresh must be 1 or 0." }).optional(),
  sep: z.enum([";", ","], { error: 'sep must be ";" or ",".' }).optional(),
};
const lists = {
  sender: listParam(z.string().max(64, "each sender must be at most 64 characters")),
  status: listParam(
    z.enum(["113", "114", "115"], { error: "status must be a list of 113, 114 and 115" }),
  ),
};

/** Reads scalars (each at most once) and comma lists (repeatable) from a query string. */
export function readParams(
  params: URLSearchParams,
  scalarKeys: readonly string[],
  listKeys: readonly string[],
): Record<string, string | string[] | undefined> {
  const out: Record<string, string | string[] | undefined> = {};
  for (const key of scalarKeys) {
    const all = params.getAll(key);
    if (all.length > 1) throw new InvalidQueryError(key, `${key} is given more than once.`);
    out[key] = all[0] === "" ? undefined : all[0];
  }
  for (const key of listKeys) out[key] = params.getAll(key);
  return out;
}

export function firstIssue(error: z.ZodError): InvalidQueryError {
  const issue = error.issues[0];
  const param = String(issue?.path[0] ?? "query");
  let message = issue?.message ?? "Invalid query.";
  if (!message.startsWith(param)) message = `${param}: ${message}`;
  return new InvalidQueryError(param, message.endsWith(".") ? message : `${message}.`);
}

const reportSchema = z.object({ ...scalars, ...lists });

/**
 * Parses and validates a /api/reports query. Default range: the last 7 days ending `today`
 * (Istanbul); an end after today is clipped to today. Throws InvalidQueryError.
 */
export function parseReportQuery(
  params: URLSearchParams,
  today: string,
  maxRangeDays: number,
): ReportQuery {
  const raw = readParams(params, Object.keys(scalars), Object.keys(lists));
  const parsed = reportSchema.safeParse(raw);
  if (!parsed.success) throw firstIssue(parsed.error);
  const v = parsed.data;
  let end = v.end ?? today;
  if (end > today) end = today;
  const start = v.start ?? addDays(end, -(DEFAULT_RANGE_DAYS - 1));
  if (start > today) throw new InvalidQueryError("start", `start is after today (${today}, Istanbul time).`);
  if (end < start) throw new InvalidQueryError("end", "end is before start.");
  const days = rangeDays({ start, end });
  if (days > maxRangeDays)
    throw new InvalidQueryError(
      "end",
      `start..end spans ${days} days; the longest allowed is ${maxRangeDays}. Pick a shorter range.`,
    );
  return {
    start,
    end,
    sender: [...new Set(v.sender)],
    status: [...new Set(v.status.map(Number))].sort(),
    q: v.q?.trim() ?? "",
    sort: v.sort ?? DEFAULT_SORT,
    page: v.page ?? 1,
    pageSize: v.pageSize ?? DEFAULT_PAGE_SIZE,
    refresh: v.refresh === "1" || v.refresh === "true",
    sep: v.sep ?? ";",
  };
}
