// The dashboard API's error shape, as the browser sees it.
import type { ApiErrorBody } from "@/lib/reports/types";

export const KNOWN_ERROR_CODES = [
  "upstream_auth",
  "upstream_unavailable",
  "upstream_rejected",
  "invalid_query",
  "unauthenticated",
  "rate_limited",
  "internal",
  "network",
] as const;
export type KnownErrorCode = (typeof KNOWN_ERROR_CODES)[number];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** The code to explain to the user; unknown codes read as a server fault. */
  get known(): KnownErrorCode {
    return (KNOWN_ERROR_CODES as readonly string[]).includes(this.code)
      ? (this.code as KnownErrorCode)
      : "internal";
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  const error = (value as ApiErrorBody | null)?.error;
  return typeof error?.code === "string" && typeof error.message === "string";
}

/** GET a JSON resource; every failure becomes an ApiError (status 0 = no answer). */
export async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: { accept: "application/json", ...init?.headers },
    });
  } catch (cause) {
    if ((cause as Error)?.name === "AbortError") throw cause;
    throw new ApiError(0, "network", "The dashboard server could not be reached.");
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    if (isErrorBody(body)) throw new ApiError(response.status, body.error.code, body.error.message);
    throw new ApiError(response.status, "internal", `HTTP ${response.status}`);
  }
  return body as T;
}

/** Retry only what may heal by itself: no answer, or the upstream being briefly unavailable. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!(error instanceof ApiError)) return failureCount < 1;
  return (error.status === 0 || error.status === 503 || error.status === 504) && failureCount < 1;
}
