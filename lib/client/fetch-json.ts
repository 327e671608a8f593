// The browser's side of the API: GET a JSON resource, and turn any failure into the API's own
// ApiError (status 0 when the server could not be reached at all).
import { ApiError, isErrorCode, type ApiErrorBody } from "@/lib/api/api-error";

function isErrorBody(value: unknown): value is ApiErrorBody {
  const error = (value as ApiErrorBody | null)?.error;
  return typeof error?.code === "string" && typeof error.message === "string";
}

export async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: { accept: "application/json", ...init?.headers },
    });
  } catch (cause) {
    if ((cause as Error)?.name === "AbortError") throw cause;
    throw new ApiError("network", "The dashboard server could not be reached.");
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    // A code this build does not know reads as a server fault, with the server's message.
    if (isErrorBody(body))
      throw new ApiError(
        isErrorCode(body.error.code) ? body.error.code : "internal",
        body.error.message,
        response.status,
      );
    throw new ApiError("internal", `HTTP ${response.status}`, response.status);
  }
  return body as T;
}

/** Retry only what may heal by itself: no answer, or the upstream being briefly unavailable. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!(error instanceof ApiError)) return failureCount < 1;
  return (error.status === 0 || error.status === 503 || error.status === 504) && failureCount < 1;
}
