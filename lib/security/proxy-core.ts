// What proxy.ts does for each request: the optimistic login redirect for pages, a fresh CSP
// nonce, the security headers, and the page's own path for server-side redirects.
import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/cookie";
import { readForwarded } from "./forwarded";
import {
  assetSecurityHeaders,
  contentSecurityPolicy,
  newNonce,
  staticSecurityHeaders,
} from "./headers";

export const PATH_HEADER = "x-dashboard-path";
export const NONCE_HEADER = "x-nonce";

const PUBLIC_PAGES = new Set(["/login"]);

/** Next's built files and image optimiser; every other path is a page or an API route. */
const isAsset = (pathname: string) =>
  pathname.startsWith("/_next/static/") || pathname === "/_next/image";

/** `dev`: next dev's needs in the CSP; `trustProxy`: TRUST_PROXY (who may say "https"). */
export function handleRequest(
  request: NextRequest,
  { dev, trustProxy }: { dev: boolean; trustProxy: number },
): NextResponse {
  const { pathname, search } = request.nextUrl;
  const { https } = readForwarded(request.headers, trustProxy);
  if (isAsset(pathname)) {
    // Built files (and any 404 under their prefix): documents there may load nothing.
    const asset = NextResponse.next();
    const headers = { ...assetSecurityHeaders(), ...staticSecurityHeaders(https) };
    for (const [name, value] of Object.entries(headers)) asset.headers.set(name, value);
    return asset;
  }
  const headers = staticSecurityHeaders(https);
  const isPage = !pathname.startsWith("/api/");

  let response: NextResponse;
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, dev);
  if (
    isPage &&
    !PUBLIC_PAGES.has(pathname) &&
    !SESSION_COOKIE_NAMES.some((n) => request.cookies.has(n))
  ) {
    // Optimistic only: pages and route handlers verify the session themselves.
    const login = new URL("/login", request.url);
    login.searchParams.set("next", `${pathname}${search}`);
    response = NextResponse.redirect(login);
  } else {
    const forwarded = new Headers(request.headers);
    forwarded.set(NONCE_HEADER, nonce);
    forwarded.set("content-security-policy", csp);
    forwarded.set(PATH_HEADER, `${pathname}${search}`);
    response = NextResponse.next({ request: { headers: forwarded } });
  }
  response.headers.set("content-security-policy", csp);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
