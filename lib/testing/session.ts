// A signed-in request for route tests: a real session in the test file's store (its own DATA_DIR,
// lib/testing/setup.ts), for the demo user (an admin) unless another configured user is named.
import { DEMO_USER } from "@/lib/auth/users";
import { startSession } from "@/lib/auth/session";

const cookies = new Map<string, string>();

/** The Cookie header of a fresh session for `user` (a configured name). */
export async function sessionCookieFor(user: string = DEMO_USER.username): Promise<string> {
  return (await startSession(user, new Request("http://127.0.0.1:3000/"))).split(";")[0]!;
}

export async function signedIn(
  url: string,
  init: RequestInit = {},
  user: string = DEMO_USER.username,
): Promise<Request> {
  let cookie = cookies.get(user);
  if (!cookie) cookies.set(user, (cookie = await sessionCookieFor(user)));
  const headers = new Headers(init.headers);
  headers.set("cookie", cookie);
  return new Request(url, { ...init, headers });
}
