// Campaign labels as the API takes and gives them (product.md "campaigns"): the request bodies of
// PUT /api/orders/{id}/label and POST /api/labels, and the answers. What a label may be is in
// label-rules.ts, which the pages use too, so both refuse the same labels with the same words.
import { z } from "zod";
import { intParam, parseParams } from "@/lib/reports/contract/query-params";
import {
  checkLabel,
  MAX_LABEL_CHARS,
  MAX_LABEL_CODE_UNITS,
  MAX_LABEL_IDS,
  MAX_ORDER_ID,
} from "./label-rules";

/** A label or null (remove), checked and normalised by checkLabel. */
const labelField = z
  .union([z.string(), z.null()], {
    error: 'label must be text (1–80 characters) or null to remove it, e.g. {"label": "Bayram"}.',
  })
  .transform((raw, ctx) => {
    if (raw === null) return null;
    const checked = checkLabel(raw);
    if (checked.ok) return checked.label;
    ctx.addIssue({ code: "custom", message: checked.message });
    return z.NEVER;
  });

const orderId = z
  .number({ error: "ids must be order ids: positive whole numbers, e.g. [312988299]." })
  .int("ids must be order ids: positive whole numbers, e.g. [312988299].")
  .min(1, "ids must be order ids: positive whole numbers, e.g. [312988299].")
  .max(MAX_ORDER_ID, "ids must be order ids of at most 15 digits.");

/** PUT /api/orders/{id}/label */
export const setLabelBody = z.object(
  { label: labelField },
  { error: 'Send {"label": "<text>"} or {"label": null}.' },
);

/** POST /api/labels */
export const setLabelsBody = z.object(
  {
    label: labelField,
    ids: z
      .array(orderId, { error: "ids must be a list of order ids, e.g. [312988299, 312988300]." })
      .min(1, "ids must name at least one order.")
      .max(MAX_LABEL_IDS, `Label at most ${MAX_LABEL_IDS} orders at once; split the list.`),
  },
  { error: 'Send {"label": "<text>" or null, "ids": [<order ids>]}.' },
);

/**
 * POST /api/labels with a report query (the /reports page's query string) instead of ids: every
 * order the query's filters match, whatever its page (at most MAX_LABEL_IDS).
 */
export const labelMatchingBody = z.object(
  {
    label: labelField,
    query: z
      .string({
        error: 'query must be a report query string, e.g. "start=2026-11-01&end=2026-11-27".',
      })
      .max(4000, "query must be at most 4000 characters."),
  },
  { error: 'Send {"label": "<text>" or null, "query": "<report query>"}.' },
);

/** PUT /api/orders/{id}/label's answer. */
export type SetLabelResponse = { id: number; label: string | null };
/** POST /api/labels' answer: how many distinct orders now carry the label (or none). */
export type SetLabelsResponse = { labelled: number };
/** GET /api/labels' answer: labels in use with how many orders carry each, most used first. */
export type LabelsResponse = { labels: { label: string; orders: number }[] };

const MAX_LIMIT = 500;

const buildQuerySchema = () =>
  z.object({
    prefix: z
      .string()
      .max(MAX_LABEL_CODE_UNITS, `prefix must be at most ${MAX_LABEL_CHARS} characters.`)
      .default(""),
    limit: intParam("limit", 1, MAX_LIMIT).default(50),
  });
let querySchema: ReturnType<typeof buildQuerySchema> | undefined;

/** GET /api/labels?prefix=…&limit=50; throws InvalidQueryError. */
export function parseLabelsQuery(params: URLSearchParams): { prefix: string; limit: number } {
  querySchema ??= buildQuerySchema();
  return parseParams(querySchema, params, ["prefix", "limit"], []);
}
