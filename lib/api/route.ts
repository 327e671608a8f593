// The route wrappers: each says whether a route needs a session. Both give every route one error
// shape, a request id and a log line; a handler only parses, calls one function and answers.
import "server-only";
import { randomUUID } from "node:crypto";
import { userFromRequest } from "@/lib/auth/session";
import { logToStdout } from "@/lib/log";
import { ApiError } from "./api-error";
import { errorResponse, toApiError } from "./errors";

type Ctx<P> = { params: Promise<P> };
type Handler<P, X> = (request: Request, ctx: Ctx<P> & X) => Promise<Response>;
type Route<P> = (request: Request, ctx: Ctx<P>) => Promise<Response>;

async function answer(request: Request, run: () => Promise<Response>): Promise<Response> {
  const started = performance.now();
  const requestId = randomUUID();
  let response: Response;
  try {
    response = await run();
  } catch (error) {
    const apiError = toApiError(error);
    if (apiError.code === "internal")
      logToStdout({
        event: "error",
        requestId,
        error: error instanceof Error ? error.name : "unknown",
        detail: error instanceof Error ? error.message : undefined,
      });
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
}

/** A route for signed-in users: 401 `unauthenticated` without a valid session cookie. */
export function withSession<P = Record<string, never>>(
  handler: Handler<P, { user: string }>,
): Route<P> {
  return (request, ctx) =>
    answer(request, async () => {
      const user = await userFromRequest(request);
      if (user === null) throw new ApiError("unauthenticated", "Sign in to use the dashboard.");
      return handler(request, { ...ctx, user });
    });
}

/** A route anyone may call (health, login, logout): no session is read. */
export function withoutSession<P = Record<string, never>>(handler: Handler<P, object>): Route<P> {
  return (request, ctx) => answer(request, () => handler(request, ctx));
}
