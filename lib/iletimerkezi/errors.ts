// Typed failures of the upstream API. Messages name the code and endpoint, never credentials.

export type UpstreamErrorKind =
  | "auth" // 401: bad key/hash, API access off, or IP not allowlisted
  | "not_found" // 455: no such order
  | "not_due" // 456: scheduled order, send time not reached
  | "date_range" // 458: bad date or range too long
  | "rejected" // any other non-200 code
  | "unavailable" // 503, HTTP 5xx, network error, timeout
  | "bad_response"; // unparseable body or unexpected shape

export class UpstreamError extends Error {
  /**
   * Next bundles each route separately, each with its own copy of this class, while the engine is
   * shared process-wide: recognise the error by its name, not by `instanceof`.
   */
  static is(error: unknown): error is UpstreamError {
    return error instanceof Error && error.name === "UpstreamError" && "kind" in error;
  }

  constructor(
    readonly kind: UpstreamErrorKind,
    message: string,
    readonly code: number | null = null,
    /** No answer within the client's timeout (a 504 to our callers, not a 503). */
    readonly timedOut = false,
  ) {
    super(message);
    this.name = "UpstreamError";
  }
}

/**
 * What each code means, in our words. The upstream's own message text is never passed on: it is
 * Turkish, may change, and is not ours to show; an unknown code is named by its number.
 */
const MEANINGS: Record<number, string> = {
  400: "it could not parse the request",
  401: "the API key or hash was not accepted",
  404: "the endpoint does not exist",
  455: "no such order",
  456: "the order's send time has not come yet",
  458: "the date range was refused",
  464: "the page number was refused",
  503: "it is temporarily out of service",
};

export function errorForCode(code: number, endpoint: string): UpstreamError {
  const text = `${endpoint} answered ${code} (${MEANINGS[code] ?? "an error code the dashboard does not know"})`;
  switch (code) {
    case 401:
      return new UpstreamError("auth", text, code);
    case 455:
      return new UpstreamError("not_found", text, code);
    case 456:
      return new UpstreamError("not_due", text, code);
    case 458:
      return new UpstreamError("date_range", text, code);
    case 503:
      return new UpstreamError("unavailable", text, code);
    default:
      return new UpstreamError("rejected", text, code);
  }
}

export function isRetryable(error: unknown): boolean {
  return UpstreamError.is(error) && error.kind === "unavailable";
}
