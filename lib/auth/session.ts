// The session: a row in the store (lib/store/sessions.ts) and an iron-session sealed cookie that
// carries its id; httpOnly, SameSite=Lax, Secure over https (as a TRUST_PROXY-trusted proxy
// says). It ends at logout, after SESSION_IDLE_MINUTES unused, after 8 hours, or when the user's
// hash or role changes, on every instance at once. Read from and written to plain
// Request/Response headers, so route handlers stay testable without Next's request scope.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { sealData, unsealData } from "iron-session";
import { env } from "@/lib/env";
import { readForwarded } from "@/lib/security/forwarded";
import { withSessions } from "@/lib/server/access";
import { SESSION_COOKIE_NAMES, sessionCookieName } from "./cookie";
import type { Role } from "./roles";
import type { User } from "./users";
import { getUsers } from "./users-config";

type SessionData = { sid: string; user: string; loginAt: number };

/** A signed-in user as every route and page sees them. */
export type Session = { id: string; user: string; role: Role };

const SESSION_TTL_S = 8 * 60 * 60;
/** seen_at is written at most this often: idle time is known to within it. */
const TOUCH_EVERY_MS = 60_000;

/** Over https as the client sees it: only a TRUST_PROXY-trusted proxy can say so. */
function isHttps(h: Headers): boolean {
  return readForwarded(h, env().trustProxy).https;
}

/** The session cookie's value (the `__Host-` one first), from a Cookie header. */
function cookieValue(cookieHeader: string | null): string | undefined {
  const found = new Map<string, string>();
  for (const part of (cookieHeader ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) found.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  for (const name of SESSION_COOKIE_NAMES) if (found.get(name)) return found.get(name);
  return undefined;
}

/** What a session was granted on: a changed hash or role no longer matches it. */
function credentialOf(user: User): string {
  return createHash("sha256").update(`${user.role}\n${user.hash}`).digest("hex").slice(0, 32);
}

async function unseal(seal: string | undefined): Promise<Partial<SessionData> | null> {
  if (!seal) return null;
  try {
    return await unsealData<Partial<SessionData>>(decodeURIComponent(seal), {
      password: env().sessionSecret,
      ttl: SESSION_TTL_S,
    });
  } catch {
    return null;
  }
}

/**
 * The session for a sealed cookie value, if its row holds: not ended, under 8 hours old, used
 * within SESSION_IDLE_MINUTES, its user still configured with the same hash and role.
 */
export async function sessionFromSeal(seal: string | undefined): Promise<Session | null> {
  const data = await unseal(seal);
  const { sid, user, loginAt } = data ?? {};
  if (typeof sid !== "string" || typeof user !== "string" || typeof loginAt !== "number")
    return null;
  const now = Date.now();
  if (now - loginAt > SESSION_TTL_S * 1000) return null;
  const row = await withSessions((s) => s.get(sid));
  if (!row || row.endedAt !== null || row.username !== user) return null;
  if (now - row.createdAt > SESSION_TTL_S * 1000) return null;
  if (now - row.seenAt > env().sessionIdleMs) {
    await withSessions((s) => s.end(sid, now));
    return null;
  }
  const configured = getUsers().get(user);
  if (!configured || credentialOf(configured) !== row.credential) {
    await withSessions((s) => s.end(sid, now));
    return null;
  }
  if (now - row.seenAt > TOUCH_EVERY_MS) await withSessions((s) => s.touch(sid, now));
  return { id: sid, user, role: configured.role };
}

export function sessionFromRequest(request: Request): Promise<Session | null> {
  return sessionFromSeal(cookieValue(request.headers.get("cookie")));
}

function cookie(value: string, maxAge: number, secure: boolean): string {
  return [
    `${sessionCookieName(secure)}=${value}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${maxAge}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

/** Starts a session for a user who just proved their password; returns its Set-Cookie value. */
export async function startSession(username: string, request: Request): Promise<string> {
  const user = getUsers().get(username);
  if (!user) throw new Error("startSession: the user is not configured");
  const now = Date.now();
  const sid = randomBytes(24).toString("base64url");
  await withSessions(async (s) => {
    await s.create({
      id: sid,
      username,
      role: user.role,
      credential: credentialOf(user),
      createdAt: now,
      seenAt: now,
    });
    await s.prune(now - SESSION_TTL_S * 1000);
  });
  const seal = await sealData({ sid, user: username, loginAt: now } satisfies SessionData, {
    password: env().sessionSecret,
    ttl: SESSION_TTL_S,
  });
  return cookie(encodeURIComponent(seal), SESSION_TTL_S, isHttps(request.headers));
}

/** Ends the request's session (on every instance) and returns the Set-Cookie that clears it. */
export async function endSession(
  request: Request,
): Promise<{ cookie: string; ended: Session | null }> {
  const ended = await sessionFromRequest(request);
  if (ended) await withSessions((s) => s.end(ended.id, Date.now()));
  return { cookie: cookie("", 0, isHttps(request.headers)), ended };
}
