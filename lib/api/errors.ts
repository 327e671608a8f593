// Turns anything a handler throws into the API's error shape: typed failures keep their code,
// the rest is a fixed 500 text (details go to the log, never to the response).
import "server-only";
import { UpstreamError } from "@/lib/iletimerkezi/errors";
import { InvalidQueryError } from "@/lib/reports/contract/query-params";
import { ApiError } from "./api-error";

function fromUpstream(e: UpstreamError): ApiError {
  switch (e.kind) {
    case "auth":
      return new ApiError(
        "upstream_auth",
        'iletiMerkezi rejected the API credentials (401). Check ILETIMERKEZI_API_KEY and the hash, that "Allow API access" is on in the panel (Settings → Security → Access Permissions), and that an IP allowlist there includes this server.',
      );
    case "not_found":
      return new ApiError(
        "order_not_found",
        "iletiMerkezi has no order with this id. Check the id or pick the order from a report.",
      );
    case "not_due":
      return new ApiError(
        "order_not_due",
        "This order is scheduled and its send time has not come yet; its recipients appear once it is sent.",
      );
    case "unavailable":
      return new ApiError(
        "upstream_unavailable",
        `iletiMerkezi is not answering right now (${e.message}). Try again in a minute.`,
        e.timedOut ? 504 : 503,
      );
    default:
      return new ApiError(
        "upstream_rejected",
        `iletiMerkezi refused the request: ${e.message}. Nothing was shown rather than incomplete numbers; try again, and report it if it persists.`,
      );
  }
}

/** Recognised by name: Next bundles each route apart, so classes differ between bundles. */
const named = (error: unknown, name: string): error is Error & Record<string, unknown> =>
  error instanceof Error && error.name === name;

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (InvalidQueryError.is(error)) return new ApiError("invalid_query", error.message);
  if (UpstreamError.is(error)) return fromUpstream(error);
  if (named(error, "TooManyReportsError"))
    return new ApiError("too_many_reports", error.message, 429, {
      "retry-after": String(error.retryAfterS ?? 10),
    });
  if (named(error, "AbandonedError"))
    return new ApiError(
      "upstream_unavailable",
      "The walk behind this report was stopped because nobody was waiting for it. Try again: it picks up what was already loaded.",
      503,
    );
  return new ApiError(
    "internal",
    "Something went wrong on the dashboard's server. Try again; if it persists, check the server log.",
  );
}

export function errorResponse(error: ApiError): Response {
  return Response.json(
    { error: { code: error.code, message: error.message } },
    { status: error.status, headers: { "cache-control": "no-store", ...error.headers } },
  );
}
