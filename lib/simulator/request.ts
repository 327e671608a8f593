// Reads the provider's request envelope. Each check answers the code the real API gives for it.
import { diffDays, isCalendarDate } from "@/lib/dates";
import type { Endpoint, SimulatorOptions } from "./types";

const MAX_ROW_COUNT = 1000;

export type Parsed<T> = { ok: true; value: T } | { ok: false; code: number };

const fail = (code: number): { ok: false; code: number } => ({ ok: false, code });

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** An integer sent as a number or a numeric string; anything else is null. */
function asInt(value: unknown): number | null {
  const n = typeof value === "string" && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof n === "number" && Number.isSafeInteger(n) ? n : null;
}

export function endpointOf(pathname: string): Endpoint | null {
  const path = pathname.replace(/\/+$/, "");
  if (path.endsWith("/get-reports/json")) return "get-reports";
  if (path.endsWith("/get-report/json")) return "get-report";
  if (path.endsWith("/get-balance/json")) return "get-balance";
  if (path.endsWith("/get-sender/json")) return "get-sender";
  return null;
}

/** The `request` object of a body, or null when the body is not the envelope. */
export function requestOf(text: string): Record<string, unknown> | null {
  try {
    return record(record(JSON.parse(text))?.request);
  } catch {
    return null;
  }
}

export function authenticated(req: Record<string, unknown>, key: string, hash: string): boolean {
  const auth = record(req.authentication);
  return auth !== null && auth.key === key && auth.hash === hash;
}

function pageOf(value: unknown): number | null {
  if (value === undefined || value === null) return 1;
  const page = asInt(value);
  return page !== null && page >= 1 ? page : null;
}

export type ReportsQuery = { start: string; end: string; page: number };

export function reportsQuery(
  req: Record<string, unknown>,
  o: SimulatorOptions,
): Parsed<ReportsQuery> {
  const filter = record(req.filter) ?? {};
  const { start, end } = filter;
  if (typeof start !== "string" || typeof end !== "string") return fail(458);
  if (!isCalendarDate(start) || !isCalendarDate(end)) return fail(458);
  const gap = diffDays(start, end);
  if (gap < 0 || gap > o.maxGapDays) return fail(458);
  const page = pageOf(filter.page);
  if (page === null) return fail(464);
  return { ok: true, value: { start, end, page } };
}

export type ReportQuery = { id: number; page: number; rowCount: number };

export function reportQuery(req: Record<string, unknown>): Parsed<ReportQuery> {
  const order = record(req.order);
  if (!order) return fail(400);
  const id = asInt(order.id);
  if (id === null || id < 1) return fail(455);
  const page = pageOf(order.page);
  if (page === null) return fail(464);
  let rowCount = MAX_ROW_COUNT;
  if (order.rowCount !== undefined && order.rowCount !== null) {
    const rows = asInt(order.rowCount);
    if (rows === null || rows < 1) return fail(400);
    // Documented maximum 1000: larger asks are served 1000 rows, as lenient APIs do.
    rowCount = Math.min(rows, MAX_ROW_COUNT);
  }
  return { ok: true, value: { id, page, rowCount } };
}

/** Best-effort reading for the fault hook, before any validation. */
export function faultFields(req: Record<string, unknown> | null): {
  start?: string;
  end?: string;
  page: number;
  orderId?: number;
} {
  const filter = record(req?.filter);
  const order = record(req?.order);
  const box = filter ?? order;
  return {
    start: typeof filter?.start === "string" ? filter.start : undefined,
    end: typeof filter?.end === "string" ? filter.end : undefined,
    page: pageOf(box?.page) ?? 1,
    orderId: asInt(order?.id) ?? undefined,
  };
}
