// The route wrappers: each says whether a route needs a session. Both give every route one error
// shape, a request id and a log line; a handler only parses, calls one function and answers.
import "server-only";
import { randomUUID } from "node:crypto";
import { can, type Permission } from "@/lib/auth/roles";
import { sessionFromRequest, type Session } from "@/lib/auth/session";
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

export type RouteRules = {
  /** What the request needs beyond a session (a role's permission), if anything. */
  needs?: (url: URL) => Permission | null;
  /**
   * Whether the request does something a link on another site must not trigger (a walk with
   * refresh=1, a reveal, an export): refused when the browser says it comes cross-site.
   */
  sideEffect?: (url: URL) => boolean;
};

/**
 * A route for signed-in users: 401 `unauthenticated` without a valid session; 403 `forbidden`
 * when the role lacks what `rules.needs` asks, or for a cross-site side effect.
 */
export function withSession<P = Record<string, never>>(
  handler: Handler<P, { user: string; session: Session }>,
  rules: RouteRules = {},
): Route<P> {
  return (request, ctx) =>
    answer(request, async () => {
      const session = await sessionFromRequest(request);
      if (session === null) throw new ApiError("unauthenticated", "Sign in to use the dashboard.");
      const url = new URL(request.url);
      const needed = rules.needs?.(url) ?? null;
      if (needed && !can(session.role, needed))
        throw new ApiError(
          "forbidden",
          `Your role (${session.role}) may not ${PERMISSION_WORDS[needed]}. Ask an admin if you need it.`,
        );
      if (rules.sideEffect?.(url) && request.headers.get("sec-fetch-site") === "cross-site")
        throw new ApiError(
          "forbidden",
          "This link came from another site. Open it from the dashboard itself to go on.",
        );
      return handler(request, { ...ctx, user: session.user, session });
    });
}

const PERMISSION_WORDS: Record<Permission, string> = {
  export: "export data",
  label: "change campaign labels",
  reveal: "see full phone numbers",
  audit: "read the audit log",
};

/** A route anyone may call (health, login, logout): no session is read. */
export function withoutSession<P = Record<string, never>>(handler: Handler<P, object>): Route<P> {
  return (request, ctx) => answer(request, () => handler(request, ctx));
}
