// A signed-in request for route tests: the demo user's sealed session cookie.
import { DEMO_USER } from "@/lib/auth/users";
import { sessionCookie } from "@/lib/auth/session";

let cached: string | undefined;

export async function signedIn(url: string, init: RequestInit = {}): Promise<Request> {
  cached ??= (await sessionCookie(DEMO_USER.username, new Request(url))).split(";")[0];
  const headers = new Headers(init.headers);
  headers.set("cookie", cached!);
  return new Request(url, { ...init, headers });
}
