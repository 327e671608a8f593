// The API's one error shape, {"error": {"code", "message"}}, and its codes with their HTTP status:
// thrown by route handlers on the server, rebuilt from a response in the browser. Safe for both.

const ERROR_STATUS = {
  invalid_query: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  order_not_found: 404,
  order_not_due: 409,
  followup_not_found: 404,
  followup_not_ready: 409,
  rate_limited: 429,
  too_many_reports: 429,
  internal: 500,
  upstream_auth: 502,
  upstream_rejected: 502,
  upstream_unavailable: 503,
  store_unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;
/** What the browser can meet: an API code, or no answer at all (status 0). */
export type ClientErrorCode = ErrorCode | "network";

export type ApiErrorBody = { error: { code: string; message: string } };

export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(ERROR_STATUS, code);

export class ApiError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly status: number = code === "network" ? 0 : ERROR_STATUS[code],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}
