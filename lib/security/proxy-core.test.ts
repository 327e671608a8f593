import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { handleRequest, NONCE_HEADER, PATH_HEADER } from "./proxy-core";

const req = (url: string, headers: Record<string, string> = {}) =>
  new NextRequest(url, { headers });
const signedIn = { cookie: "imr_session=sealed" };
const prod = { dev: false, trustProxy: 0 };

describe("proxy", () => {
  it("sends a page visitor without a session cookie to the login with the exact path and query", () => {
    const res = handleRequest(
      req("http://127.0.0.1:3000/reports?start=2026-04-01&sender=A%2CB"),
      prod,
    );
    expect(res.status).toBe(307);
    const location = new URL(res.headers.get("location")!);
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("next")).toBe("/reports?start=2026-04-01&sender=A%2CB");
  });

  it("lets the login page and the API through (the API answers 401 itself)", () => {
    expect(handleRequest(req("http://127.0.0.1:3000/login"), prod).status).toBe(200);
    expect(handleRequest(req("http://127.0.0.1:3000/api/reports"), prod).status).toBe(200);
  });

  it("puts a fresh nonce in the CSP, and hands it and the page's path to the page", () => {
    const a = handleRequest(req("http://127.0.0.1:3000/reports?x=1", signedIn), prod);
    const b = handleRequest(req("http://127.0.0.1:3000/reports?x=1", signedIn), prod);
    const csp = a.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(b.headers.get("content-security-policy")).not.toContain(nonce);
    expect(csp).not.toContain("unsafe-eval");
    for (const d of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'"])
      expect(csp).toContain(d);
    // NextResponse.next forwards overridden request headers as x-middleware-request-*.
    expect(a.headers.get(`x-middleware-request-${NONCE_HEADER}`)).toBe(nonce);
    expect(a.headers.get(`x-middleware-request-${PATH_HEADER}`)).toBe("/reports?x=1");
  });

  it("sets the security headers, and HSTS only over https as a trusted proxy says", () => {
    const http = handleRequest(req("http://127.0.0.1:3000/reports", signedIn), prod);
    expect(http.headers.get("x-content-type-options")).toBe("nosniff");
    expect(http.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(http.headers.get("permissions-policy")).toContain("camera=()");
    expect(http.headers.get("strict-transport-security")).toBeNull();
    const claimsHttps = { ...signedIn, "x-forwarded-proto": "https" };
    // TRUST_PROXY=0: anyone can write the header, so it means nothing.
    const untrusted = handleRequest(req("http://10.0.0.5/reports", claimsHttps), prod);
    expect(untrusted.headers.get("strict-transport-security")).toBeNull();
    const proxied = handleRequest(req("http://10.0.0.5/reports", claimsHttps), {
      dev: false,
      trustProxy: 1,
    });
    expect(proxied.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    const redirect = handleRequest(
      req("http://dash.example/reports", { "x-forwarded-proto": "https" }),
      {
        dev: false,
        trustProxy: 1,
      },
    );
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get("strict-transport-security")).toMatch(/max-age/);
    expect(redirect.headers.get("content-security-policy")).toBeTruthy();
  });

  it.each(["/_next/static/chunks/app.js", "/_next/static/nope.js", "/_next/image"])(
    "gives %s the asset headers: a document there may load nothing",
    (path) => {
      const res = handleRequest(req(`http://127.0.0.1:3000${path}`), prod);
      expect(res.headers.get("content-security-policy")).toMatch(/^default-src 'none'/);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get(`x-middleware-request-${NONCE_HEADER}`)).toBeNull();
    },
  );

  it.each(["/_next/static-x/y", "/_next/staticx", "/favicon.ico", "/_next/nope"])(
    "treats %s as a page: its own nonce in the CSP, and the login redirect",
    (path) => {
      const res = handleRequest(req(`http://127.0.0.1:3000${path}`, { "x-nonce": "EVIL" }), prod);
      const csp = res.headers.get("content-security-policy")!;
      expect(csp).toMatch(/'nonce-[^']+'/);
      expect(csp).not.toContain("EVIL");
    },
  );

  it("allows eval only in development", () => {
    const dev = handleRequest(req("http://127.0.0.1:3000/login"), { dev: true, trustProxy: 0 });
    expect(dev.headers.get("content-security-policy")).toContain("'unsafe-eval'");
  });
});
