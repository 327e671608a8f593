// What both export routes add to their query: the file's format and the language of its headers
// and status words. Safe for the browser, which builds the download links with exportSearch().
import { z } from "zod";
import { LOCALES, type Locale } from "@/lib/i18n/config";
import { parseParams } from "./query-params";

const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

// Built on first use, as the other query schemas: the pages import this module for exportLink.
const buildSchema = () =>
  z.object({
    format: z.enum(EXPORT_FORMATS, { error: "format must be csv or xlsx (Excel)." }).default("csv"),
    lang: z.enum(LOCALES, { error: "lang must be tr (Turkish) or en (English)." }).optional(),
  });
let schema: ReturnType<typeof buildSchema> | undefined;

export type ExportQuery = { format: ExportFormat; lang: Locale };

/**
 * Reads `format` (default csv) and `lang` (default `fallbackLang`: the user's interface language);
 * throws InvalidQueryError for any other value.
 */
export function parseExportQuery(params: URLSearchParams, fallbackLang: Locale): ExportQuery {
  schema ??= buildSchema();
  const { format, lang } = parseParams(schema, params, ["format", "lang"], []);
  return { format, lang: lang ?? fallbackLang };
}

/** `href` (an export route with or without a query) asking for `format` in `lang`. */
export function exportLink(href: string, format: ExportFormat, lang: Locale): string {
  return `${href}${href.includes("?") ? "&" : "?"}format=${format}&lang=${lang}`;
}
