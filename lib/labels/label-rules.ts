// What a campaign label may be (product.md "campaigns"), without the request schemas: the pages
// check a label as they type with the same rule and words as the API (contract.ts), and need no
// zod for it.
import { fold } from "@/lib/reports/contract/search-text";

/** A label's length in user-perceived characters, after trimming. */
export const MAX_LABEL_CHARS = 80;
/** Order ids one POST /api/labels may label at once (one transaction). */
export const MAX_LABEL_IDS = 5000;
/** A bound on code units as well: one "character" of 40 combining marks is not a label. */
export const MAX_LABEL_CODE_UNITS = 4 * MAX_LABEL_CHARS;
/** The largest order id the API takes (parseOrderId: up to 15 digits). */
export const MAX_ORDER_ID = 999_999_999_999_999;
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

type LabelCheck =
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
