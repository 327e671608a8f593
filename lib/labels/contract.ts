// Campaign labels as the API takes and gives them (product.md "campaigns"): what a label may be,
// the request bodies of PUT /api/orders/{id}/label and POST /api/labels, and the answers. Shared
// by the routes and the pages (browser-safe), so both refuse the same labels with the same words.
import { z } from "zod";
import { intParam, parseParams } from "@/lib/reports/contract/query-params";
import { fold } from "@/lib/reports/contract/search-text";

/** A label's length in user-perceived characters, after trimming. */
const MAX_LABEL_CHARS = 80;
/** Order ids one POST /api/labels may label at once (one transaction). */
export const MAX_LABEL_IDS = 5000;
/** A bound on code units as well: one "character" of 40 combining marks is not a label. */
const MAX_LABEL_CODE_UNITS = 4 * MAX_LABEL_CHARS;
/** The largest order id the API takes (parseOrderId: up to 15 digits). */
const MAX_ORDER_ID = 999_999_999_999_999;
/** `label=none` filters the unlabelled orders, so no label may be called that. */
const RESERVED = "none";

/** Whitespace of any kind (tabs, line breaks, no-break spaces), collapsed to one space. */
const WHITESPACE = /[\s\u200B\u2060\uFEFF]+/gu;
/**
 * Control, invisible formatting and private-use characters and broken surrogates, which would make
 * two labels look alike or turn the text around them (bidi overrides); joiners and emoji tags
 * stay, which emoji sequences need.
 */
const INVISIBLE = /(?![\u200C\u200D\u{E0020}-\u{E007F}])[\p{Cc}\p{Cf}\p{Cs}\p{Co}]/u;

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const charCount = (text: string) => {
  let n = 0;
  for (const _ of graphemes.segment(text)) n++;
  return n;
};

/** Why a label is refused, for the pages' own words (the message is the API's). */
type LabelProblem = "empty" | "invisible" | "long" | "comma" | "reserved";

export type LabelCheck =
  { ok: true; label: string } | { ok: false; problem: LabelProblem; message: string };

/**
 * A label as stored: NFC, trimmed, whitespace runs as one space. Refused (with a sentence a user
 * can act on): empty, longer than 80 characters, control or invisible characters, a comma (the
 * `label=A,B` filter lists labels with commas) or the word reserved for unlabelled orders.
 */
export function checkLabel(raw: string): LabelCheck {
  const label = raw.normalize("NFC").replace(WHITESPACE, " ").trim();
  if (label === "")
    return { ok: false, problem: "empty", message: "Type a label (1–80 characters)." };
  if (INVISIBLE.test(label))
    return {
      ok: false,
      problem: "invisible",
      message: "The label has a control or invisible character; type it again without it.",
    };
  if (charCount(label) > MAX_LABEL_CHARS || label.length > MAX_LABEL_CODE_UNITS)
    return {
      ok: false,
      problem: "long",
      message: `The label is ${charCount(label)} characters long; keep it to ${MAX_LABEL_CHARS}.`,
    };
  if (label.includes(","))
    return {
      ok: false,
      problem: "comma",
      message: "A label cannot contain a comma (filters list labels with commas); use a dash.",
    };
  if (fold(label) === RESERVED)
    return {
      ok: false,
      problem: "reserved",
      message: `"${label}" is reserved for orders without a label; choose another label.`,
    };
  return { ok: true, label };
}

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
