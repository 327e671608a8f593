import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { ASSET_CONTENT_SECURITY_POLICY, staticSecurityHeaders } from "./headers";
import { handleRequest } from "./proxy-core";

describe("static asset headers (next.config.ts, where the proxy does not run)", () => {
  it("are the pages' security headers, with a CSP that lets an asset load nothing", async () => {
    const page = handleRequest(new NextRequest("http://127.0.0.1:3000/login"), {
      dev: false,
      trustProxy: 0,
    }).headers;
    const shared = staticSecurityHeaders(false);
    for (const [name, value] of Object.entries(shared)) expect(page.get(name), name).toBe(value);

    const rules = (await nextConfig.headers?.()) ?? [];
    expect(rules.map((r) => r.source).sort()).toEqual(["/_next/image", "/_next/static/:path*"]);
    for (const rule of rules) {
      const sent = Object.fromEntries(rule.headers.map((h) => [h.key.toLowerCase(), h.value]));
      expect(sent).toEqual({ ...shared, "content-security-policy": ASSET_CONTENT_SECURITY_POLICY });
    }
    expect(ASSET_CONTENT_SECURITY_POLICY).toMatch(/^default-src 'none';.*frame-ancestors 'none'/);
  });
});
