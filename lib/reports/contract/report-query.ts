// The report view's query, defined once: the zod schema of GET /api/reports (and its export and
// progress) gives the type and the validation; the page's nuqs parsers are built from the same
// literals and defaults, so the browser URL, the prefetch and the API query are one serialisation.
import {
  createLoader,
  createSerializer,
  parseAsArrayOf,
  parseAsBoolean,
  parseAsInteger,
  parseAsNumberLiteral,
  parseAsString,
  parseAsStringLiteral,
} from "nuqs/server";
import { z } from "zod";
import { addDays, BUCKETS, COMPARES, rangeDays } from "@/lib/dates";
import {
  codeListParam,
  dateParam,
  flagParam,
  intParam,
  listParam,
  parseParams,
  sepParam,
} from "./query-params";
import { ORDER_STATUSES } from "./statuses";

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

/** A sort's field and direction ("-submitAt" → submitAt, descending). */
export const parseSort = (sort: Sort) => ({
  desc: sort.startsWith("-"),
  field: sort.replace(/^-/, "") as SortField,
});

export const DEFAULT_SORT: Sort = "-submitAt";
export const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 500;
export const PAGE_SIZES = [25, 50, 100, 250, 500] as const;
export const DEFAULT_RANGE_DAYS = 7;
const MAX_PAGE = 1_000_000;

/** What a query's range is resolved against: today in Istanbul and the longest range allowed. */
export type RangeContext = { today: string; maxRangeDays: number };

/** The largest minMessages: more than any order holds, far below what overflows. */
const MAX_MIN_MESSAGES = 10_000_000;

const SCALARS = [
  "start",
  "end",
  "q",
  "sort",
  "page",
  "pageSize",
  "refresh",
  "sep",
  "compare",
  "minMessages",
  "bucket",
] as const;
const LISTS = ["sender", "status", "weekday", "hour", "label"] as const;

/** In `label=`, the unlabelled orders. */
export const NO_LABEL = "none";

/** Monday 0 … Sunday 6 (the heatmap's rows). */
const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** 0 … 23 (the heatmap's columns). */
const HOURS = Array.from({ length: 24 }, (_, h) => h);

// Built on first use: the page's module graph then costs no zod schemas when it is evaluated during
// hydration (bench item 11), and a browser that opens links the server resolved never builds them.
const buildFields = () => ({
  start: dateParam("start").optional(),
  end: dateParam("end").optional(),
  sender: listParam(z.string().max(64, "each sender must be at most 64 characters")),
  status: codeListParam("status", ORDER_STATUSES),
  q: z
    .string()
    .max(100, "q must be at most 100 characters.")
    .optional()
    .transform((q) => q?.trim() ?? ""),
  sort: z
    .enum(SORTS, {
      error: `sort must be one of ${SORT_FIELDS.join(", ")}, optionally prefixed with "-".`,
    })
    .default(DEFAULT_SORT),
  page: intParam("page", 1, MAX_PAGE).default(1),
  pageSize: intParam("pageSize", 1, MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  refresh: flagParam("refresh"),
  /** CSV separator of the export. */
  sep: sepParam(),
  /** Orders with at least this many messages only (applies like every other filter). */
  minMessages: intParam("minMessages", 1, MAX_MIN_MESSAGES).optional(),
  /** Orders with these campaign labels only; `none`: the unlabelled ones. */
  label: listParam(z.string().max(80, "each label must be at most 80 characters")),
  /** Orders submitted on these weekdays only (Monday 0, Istanbul time). */
  weekday: codeListParam("weekday", WEEKDAYS, "weekdays from 0 (Monday) to 6 (Sunday)"),
  /** Orders submitted in these hours only (0–23, Istanbul time). */
  hour: codeListParam("hour", HOURS, "hours from 0 to 23"),
  /** What one entry of the series covers; absent: by the range's length (lib/dates.ts defaultBucket). */
  bucket: z.enum(BUCKETS, { error: `bucket must be one of ${BUCKETS.join(", ")}.` }).optional(),
  /** What the totals are compared with (lib/dates.ts comparisonRange). */
  compare: z
    .enum(COMPARES, { error: `compare must be one of ${COMPARES.join(", ")}.` })
    .default("previous"),
});
let fields: ReturnType<typeof buildFields> | undefined;

/**
 * The schema of a report query against a day. Default range: the last 7 days ending `today`
 * (Istanbul); an end after today is clipped to today.
 */
function buildSchema({ today, maxRangeDays }: RangeContext) {
  fields ??= buildFields();
  return z.object(fields).transform(({ start: rawStart, end: rawEnd, ...rest }, ctx) => {
    const end = rawEnd === undefined || rawEnd > today ? today : rawEnd;
    const start = rawStart ?? addDays(end, -(DEFAULT_RANGE_DAYS - 1));
    const fail = (param: string, message: string, resets = [param]) => {
      ctx.addIssue({ code: "custom", path: [param], message, params: { resets } });
      return z.NEVER;
    };
    if (start > today) return fail("start", `start is after today (${today}, Istanbul time).`);
    if (end < start) return fail("end", "end is before start.", ["start", "end"]);
    const days = rangeDays({ start, end });
    if (days > maxRangeDays)
      return fail(
        "end",
        `start..end spans ${days} days; the longest allowed is ${maxRangeDays}. Pick a shorter range.`,
        ["start", "end"],
      );
    return { start, end, ...rest };
  });
}

export type ReportQuery = z.output<ReturnType<typeof buildSchema>>;

/** One schema per day and limit: a zod schema is set up on its first parse, so keep it. */
const schemas = new Map<string, ReturnType<typeof buildSchema>>();
function reportQuerySchema(context: RangeContext): ReturnType<typeof buildSchema> {
  const key = `${context.today}|${context.maxRangeDays}`;
  let schema = schemas.get(key);
  if (!schema) {
    if (schemas.size >= 4) schemas.clear(); // a new day: yesterday's are done with
    schema = buildSchema(context);
    schemas.set(key, schema);
  }
  return schema;
}

/** Parses and validates a /api/reports query; throws InvalidQueryError. */
export function parseReportQuery(params: URLSearchParams, context: RangeContext): ReportQuery {
  return parseParams(reportQuerySchema(context), params, SCALARS, LISTS);
}

/** nuqs parsers for /reports: the same keys, literals and defaults as the schema above. */
export const reportSearchParams = {
  start: parseAsString,
  end: parseAsString,
  sender: parseAsArrayOf(parseAsString, ",").withDefault([]),
  status: parseAsArrayOf(parseAsNumberLiteral(ORDER_STATUSES), ",").withDefault([]),
  q: parseAsString.withDefault(""),
  sort: parseAsStringLiteral(SORTS).withDefault(DEFAULT_SORT),
  page: parseAsInteger.withDefault(1),
  pageSize: parseAsInteger.withDefault(DEFAULT_PAGE_SIZE),
  refresh: parseAsBoolean.withDefault(false),
  compare: parseAsStringLiteral(COMPARES).withDefault("previous"),
  minMessages: parseAsInteger,
  weekday: parseAsArrayOf(parseAsNumberLiteral(WEEKDAYS), ",").withDefault([]),
  hour: parseAsArrayOf(parseAsInteger, ",").withDefault([]),
  bucket: parseAsStringLiteral(BUCKETS),
  label: parseAsArrayOf(parseAsString, ",").withDefault([]),
} satisfies Record<Exclude<keyof ReportQuery, "sep">, unknown>;

export const serializeReportParams = createSerializer(reportSearchParams, { clearOnDefault: true });

/** A URL's parameters as the page's nuqs state reads them (on the server, from the request). */
export const loadReportParams = createLoader(reportSearchParams);
