// Runs before every page and API request: security headers with a fresh CSP nonce, and the
// optimistic redirect to /login for pages without a session cookie (lib/security/proxy-core.ts).
import type { NextRequest } from "next/server";
import { env } from "@/lib/env";
import { handleRequest } from "@/lib/security/proxy-core";

export function proxy(request: NextRequest) {
  return handleRequest(request, {
    dev: process.env.NODE_ENV === "development",
    trustProxy: env().trustProxy,
  });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
