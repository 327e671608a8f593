// The data-access check for server pages: every page verifies the session itself (the proxy's
// redirect is only an optimistic shortcut).
import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { PATH_HEADER } from "@/lib/security/proxy-core";
import { SESSION_COOKIE_NAMES } from "./cookie";
import { safeNext } from "./next-path";
import { sessionFromSeal, type Session } from "./session";

export async function currentPageSession(): Promise<Session | null> {
  const jar = await cookies();
  return sessionFromSeal(SESSION_COOKIE_NAMES.map((n) => jar.get(n)?.value).find(Boolean));
}

export async function requireSession(): Promise<Session> {
  const session = await currentPageSession();
  if (session) return session;
  const path = safeNext((await headers()).get(PATH_HEADER));
  redirect(`/login?next=${encodeURIComponent(path)}`);
}
