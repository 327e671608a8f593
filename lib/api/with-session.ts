// Wraps every route handler: one place for the session check, error shaping and request logs.
import "server-only";
import { randomUUID } from "node:crypto";
import { userFromRequest } from "@/lib/auth/session";
import { logToStdout } from "@/lib/log";
import { ApiError, errorResponse, toApiError } from "./errors";

type Ctx<P> = { params: Promise<P> };
type Handler<P> = (request: Request, ctx: Ctx<P>) => Promise<Response>;

export type RouteOptions = {
  /** Routes that answer without a session: health and login. */
  public?: boolean;
};


export function withSession<P = Record<string, never>>(handler: Handler<P>, options: RouteOptions = {}) {
  return async (request: Request, ctx: Ctx<P>): Promise<Response> => {
    const started = performance.now();
    const requestId = randomUUID();
    let response: Response;
    try {
      if (!options.public && (await userFromRequest(request)) === null)
        throw new ApiError("unauthenticated", "Sign in to use the dashboard.");
      response = await handler(request, ctx);
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.code === "internal")
        logToStdout({ event: "error", requestId, error: error instanceof Error ? error.name : "unknown", detail: error instanceof Error ? error.message : undefined });
      response = errorResponse(apiError);
    }
    response.headers.set("x-request-id", requestId);
    logToStdout({
      event: "request",
      requestId,
      method: request.method,
      route: new URL(request.url).pathname,
      status: response.status,
      durationMs: Math.round(performance.now() - started),
    });
    return response;
  };
}
