// The session: an iron-session sealed cookie, httpOnly, SameSite=Lax, Secure over https (as a
// TRUST_PROXY-trusted proxy says), eight hours. Read from and written to plain Request/Response
// headers, so route handlers stay testable without Next's request scope.
import "server-only";
import { sealData, unsealData } from "iron-session";
import { env } from "@/lib/env";
import { readForwarded } from "@/lib/security/forwarded";
import { SESSION_COOKIE } from "./cookie";
import { getUsers } from "./users-config";

type SessionData = { user: string; loginAt: number };

const SESSION_TTL_S = 8 * 60 * 60;

/** Over https as the client sees it: only a TRUST_PROXY-trusted proxy can say so. */
function isHttps(h: Headers): boolean {
  return readForwarded(h, env().trustProxy).https;
}

function cookieValue(cookieHeader: string | null, name = SESSION_COOKIE): string | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The signed-in user for a sealed cookie value, if valid, unexpired and still configured. */
export async function userFromSeal(seal: string | undefined): Promise<string | null> {
  if (!seal) return null;
  let data: Partial<SessionData>;
  try {
    data = await unsealData<Partial<SessionData>>(decodeURIComponent(seal), {
      password: env().sessionSecret,
      ttl: SESSION_TTL_S,
    });
  } catch {
    return null;
  }
  const { user, loginAt } = data;
  if (typeof user !== "string" || typeof loginAt !== "number") return null;
  if (Date.now() - loginAt > SESSION_TTL_S * 1000) return null;
  return getUsers().has(user) ? user : null;
}

export function userFromRequest(request: Request): Promise<string | null> {
  return userFromSeal(cookieValue(request.headers.get("cookie")));
}

function cookie(value: string, maxAge: number, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${value}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${maxAge}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

export async function sessionCookie(user: string, request: Request): Promise<string> {
  const seal = await sealData({ user, loginAt: Date.now() } satisfies SessionData, {
    password: env().sessionSecret,
    ttl: SESSION_TTL_S,
  });
  return cookie(encodeURIComponent(seal), SESSION_TTL_S, isHttps(request.headers));
}

export function clearedSessionCookie(request: Request): string {
  return cookie("", 0, isHttps(request.headers));
}
