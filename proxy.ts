// Runs before every request (no matcher: a 404 under a /_next/static-like name renders a page
// too): security headers, with a fresh CSP nonce for pages, and the optimistic redirect to /login
// for pages without a session cookie (lib/security/proxy-core.ts).
import type { NextRequest } from "next/server";
import { env } from "@/lib/env";
import { handleRequest } from "@/lib/security/proxy-core";

export function proxy(request: NextRequest) {
  return handleRequest(request, {
    dev: process.env.NODE_ENV === "development",
    trustProxy: env().trustProxy,
  });
}
