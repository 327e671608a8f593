// One error shape for every route: {"error": {"code", "message"}}, status from one map.
import "server-only";
import { UpstreamError } from "@/lib/iletimerkezi/errors";
import { InvalidQueryError } from "@/lib/reports/search-params";

export const ERROR_STATUS = {
  invalid_query: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  order_not_found: 404,
  order_not_due: 409,
  rate_limited: 429,
  internal: 500,
  upstream_auth: 502,
  upstream_rejected: 502,
  upstream_unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status: number = ERROR_STATUS[code],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

function fromUpstream(e: UpstreamError): ApiError {
  switch (e.kind) {
    case "auth":
      return new ApiError(
        "upstream_auth",
        'iletiMerkezi rejected the API credentials (401). Check ILETIMERKEZI_API_KEY and the hash, that "Allow API access" is on in the panel (Settings → Security → Access Permissions), and that an IP allowlist there includes this server.',
      );
    case "not_found":
      return new ApiError("order_not_found", "iletiMerkezi has no order with this id. Check the id or pick the order from a report.");
    case "not_due":
      return new ApiError("order_not_due", "This order is scheduled and its send time has not come yet; its recipients appear once it is sent.");
    case "unavailable":
      return new ApiError(
        "upstream_unavailable",
        `iletiMerkezi is not answering right now (${e.message}). Try again in a minute.`,
        /did not answer within/.test(e.message) ? 504 : 503,
      );
    default:
      return new ApiError("upstream_rejected", `iletiMerkezi refused the request: ${e.message}. Nothing was shown rather than incomplete numbers; try again, and report it if it persists.`);
  }
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (InvalidQueryError.is(error)) return new ApiError("invalid_query", error.message);
  if (UpstreamError.is(error)) return fromUpstream(error);
  return new ApiError("internal", "Something went wrong on the dashboard's server. Try again; if it persists, check the server log.");
}

export function errorResponse(error: ApiError): Response {
  return Response.json(
    { error: { code: error.code, message: error.message } },
    { status: error.status, headers: { "cache-control": "no-store", ...error.headers } },
  );
}
