// Query of GET /api/orders/{id} and its export: validated by zod, 400 messages name the parameter.
import { z } from "zod";
import { firstIssue, InvalidQueryError, readParams } from "./search-params";

export type OrderQuery = {
  id: number;
  page: number;
  pageSize: number;
  status: number[];
  reveal: boolean;
  sep: ";" | ",";
};

export const DEFAULT_RECIPIENT_PAGE_SIZE = 100;
export const MAX_RECIPIENT_PAGE_SIZE = 1000;

const whole = (name: string, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, `${name} must be a whole number between 1 and ${max}.`)
    .transform(Number)
    .refine((n) => n >= 1 && n <= max, `${name} must be a whole number between 1 and ${max}.`)
    .optional();

const schema = z.object({
  page: whole("page", 1_000_000),
  pageSize: whole("pageSize", MAX_RECIPIENT_PAGE_SIZE),
  reveal: z.enum(["0", "1", "true", "false"], { error: "reveal must be 1 or 0." }).optional(),
  sep: z.enum([";", ","], { error: 'sep must be ";" or ",".' }).optional(),
  status: z
    .array(z.string())
    .transform((v) => v.flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.enum(["110", "111", "112"], { error: "status must be a list of 110, 111 and 112" }))),
});

export function parseOrderQuery(rawId: string, params: URLSearchParams): OrderQuery {
  if (!/^\d{1,15}$/.test(rawId) || Number(rawId) < 1)
    throw new InvalidQueryError("id", "The order id must be a positive whole number, e.g. 312988299.");
  const parsed = schema.safeParse(readParams(params, ["page", "pageSize", "reveal", "sep"], ["status"]));
  if (!parsed.success) throw firstIssue(parsed.error);
  const v = parsed.data;
  return {
    id: Number(rawId),
    page: v.page ?? 1,
    pageSize: v.pageSize ?? DEFAULT_RECIPIENT_PAGE_SIZE,
    status: [...new Set(v.status.map(Number))].sort(),
    reveal: v.reveal === "1" || v.reveal === "true",
    sep: v.sep ?? ";",
  };
}
