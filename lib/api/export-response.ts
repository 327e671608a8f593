// An export's body as a download (streamed, so no Content-Length), and the language an export is
// written in when the link does not say: the one the user reads the dashboard in.
import "server-only";
import { LOCALE_COOKIE, negotiateLocale, type Locale } from "@/lib/i18n/config";
import {
  parseExportQuery,
  type ExportFormat,
  type ExportQuery,
} from "@/lib/reports/contract/export-query";

const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** `body` as the file `<basename>.<format>`. */
export function exportResponse(
  body: ReadableStream<Uint8Array>,
  format: ExportFormat,
  basename: string,
): Response {
  return new Response(body, {
    headers: {
      "content-type": CONTENT_TYPE[format],
      "content-disposition": `attachment; filename="${basename}.${format}"`,
      "cache-control": "no-store",
    },
  });
}

/** The interface language of the request: the `locale` cookie, else Accept-Language, else tr. */
function requestLocale(request: Request): Locale {
  let cookie: string | undefined;
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === LOCALE_COOKIE) cookie = value.join("=");
  }
  return negotiateLocale(cookie, request.headers.get("accept-language"));
}

/** The export's format and language from the URL (400 for a bad value), lang defaulting as above. */
export function exportQuery(request: Request, params: URLSearchParams): ExportQuery {
  return parseExportQuery(params, requestLocale(request));
}
