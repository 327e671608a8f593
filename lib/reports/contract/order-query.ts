// The order page's query, defined once: the zod schema of GET /api/orders/{id} (and its export)
// gives the type and the validation; the page's nuqs parsers use the same literals and defaults.
// The schema is built on first use, so the browser, which only needs the parsers, never bundles it.
import {
  createSerializer,
  parseAsArrayOf,
  parseAsInteger,
  parseAsNumberLiteral,
  parseAsString,
} from "nuqs/server";
import { z } from "zod";
import {
  codeListParam,
  flagParam,
  intParam,
  InvalidQueryError,
  parseParams,
  sepParam,
} from "./query-params";
import { MESSAGE_STATUSES } from "./statuses";

const DEFAULT_RECIPIENT_PAGE_SIZE = 100;
const MAX_RECIPIENT_PAGE_SIZE = 1000;
export const RECIPIENT_PAGE_SIZES = [50, 100, 250, 500] as const;
const MAX_PAGE = 1_000_000;

/** An order id as the URL gives it, or null when it is none. */
export function parseOrderId(raw: string): number | null {
  return /^\d{1,15}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : null;
}

const buildSchema = () =>
  z.object({
    page: intParam("page", 1, MAX_PAGE).default(1),
    pageSize: intParam("pageSize", 1, MAX_RECIPIENT_PAGE_SIZE).default(DEFAULT_RECIPIENT_PAGE_SIZE),
    status: codeListParam("status", MESSAGE_STATUSES),
    reveal: flagParam("reveal"),
    sep: sepParam(),
  });
let schema: ReturnType<typeof buildSchema> | undefined;

export type OrderQuery = { id: number } & z.output<ReturnType<typeof buildSchema>>;

/** Parses and validates an order's id and query; throws InvalidQueryError. */
export function parseOrderQuery(rawId: string, params: URLSearchParams): OrderQuery {
  const id = parseOrderId(rawId);
  if (id === null)
    throw new InvalidQueryError(
      "id",
      "The order id must be a positive whole number, e.g. 312988299.",
    );
  schema ??= buildSchema();
  return { id, ...parseParams(schema, params, ["page", "pageSize", "reveal", "sep"], ["status"]) };
}

/** nuqs parsers for /orders/{id}: the page's own state (not reveal, which is never in a URL). */
export const orderSearchParams = {
  page: parseAsInteger.withDefault(1),
  pageSize: parseAsInteger.withDefault(DEFAULT_RECIPIENT_PAGE_SIZE),
  status: parseAsArrayOf(parseAsNumberLiteral(MESSAGE_STATUSES), ",").withDefault([]),
  /** The report URL the order was opened from, for "back to report". */
  from: parseAsString,
};
export const serializeOrderParams = createSerializer(orderSearchParams, { clearOnDefault: true });

/** The order page's view: its query without the export's separator. */
export type OrderView = Omit<OrderQuery, "sep">;

/** Keeps page state within what the API accepts, so a hand-edited URL never errors. */
export function sanitizeOrderView(
  id: number,
  raw: { page: number; pageSize: number; status: readonly OrderQuery["status"][number][] },
  reveal: boolean,
): OrderView {
  const pageSize = (RECIPIENT_PAGE_SIZES as readonly number[]).includes(raw.pageSize)
    ? raw.pageSize
    : DEFAULT_RECIPIENT_PAGE_SIZE;
  const page = Number.isInteger(raw.page) && raw.page >= 1 && raw.page <= MAX_PAGE ? raw.page : 1;
  return { id, page, pageSize, status: [...new Set(raw.status)].sort((a, b) => a - b), reveal };
}
