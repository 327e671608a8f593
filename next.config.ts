import type { NextConfig } from "next";
import { assetSecurityHeaders } from "./lib/security/headers";

// Pages and API answers get their security headers from proxy.ts (with a per-request CSP nonce);
// static assets, which the proxy skips, get the same ones from the same module.
const staticAssetHeaders = Object.entries(assetSecurityHeaders()).map(([key, value]) => ({
  key,
  value,
}));

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Loaded from node_modules at run time: native (better-sqlite3) or with optional native parts (pg).
  serverExternalPackages: ["better-sqlite3", "pg"],
  async headers() {
    return [
      { source: "/_next/static/:path*", headers: staticAssetHeaders },
      { source: "/_next/image", headers: staticAssetHeaders },
    ];
  },
};

export default nextConfig;
