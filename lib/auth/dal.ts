// The data-access check for server pages: every page verifies the session itself (the proxy's
// redirect is only an optimistic shortcut).
import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { safeNext } from "./next-path";
import { SESSION_COOKIE, userFromSeal } from "./session";

/** The header through which the proxy tells pages their own path and query. */
export const PATH_HEADER = "x-dashboard-path";

export async function currentPageUser(): Promise<string | null> {
  return userFromSeal((await cookies()).get(SESSION_COOKIE)?.value);
}

export async function requireUser(): Promise<string> {
  const user = await currentPageUser();
  if (user) return user;
  const path = safeNext((await headers()).get(PATH_HEADER));
  redirect(`/login?next=${encodeURIComponent(path)}`);
}
