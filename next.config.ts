import type { NextConfig } from "next";

// Pages and API answers get their security headers from proxy.ts (with a per-request CSP nonce);
// static assets, which the proxy skips, get these.
const staticAssetHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [
      { source: "/_next/static/:path*", headers: staticAssetHeaders },
      { source: "/_next/image", headers: staticAssetHeaders },
    ];
  },
};

export default nextConfig;
