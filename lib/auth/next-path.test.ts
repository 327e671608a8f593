import { describe, expect, it } from "vitest";
import { DEFAULT_NEXT, safeNext } from "./next-path";

// [what `next` holds, where the login sends the browser]. Hostile values aim at paths other than
// DEFAULT_NEXT, so a check that let them through would give a different answer.
const KEPT: [string, string][] = [
  [
    "/reports?start=2026-04-01&end=2026-04-30&sender=A%2CB",
    "/reports?start=2026-04-01&end=2026-04-30&sender=A%2CB",
  ],
  [
    "/orders/312988299?from=%2Freports%3Fstart%3D2026-04-01",
    "/orders/312988299?from=%2Freports%3Fstart%3D2026-04-01",
  ],
  ["/orders/1#recipients", "/orders/1#recipients"],
  // Normalised as a browser reads it, and that is what the caller redirects to.
  ["/orders/1?q=it's ok", "/orders/1?q=it%27s%20ok"],
  ["/raporlar/ş", "/raporlar/%C5%9F"],
  ["  /orders/1  ", "/orders/1"],
  ["\t/orders/1\n", "/orders/1"],
  ["/ord\ters/1", "/orders/1"],
  ["/orders\\1", "/orders/1"],
  ["/./orders/1", "/orders/1"],
  ["/reports/../orders/1", "/orders/1"],
  ["/reports/%2e%2e/orders/1", "/orders/1"],
  ["/ /x", "/%20/x"],
  ["/javascript:alert(1)", "/javascript:alert(1)"],
  ["/@evil.example/x", "/@evil.example/x"],
  ["/／evil.example", "/%EF%BC%8Fevil.example"],
  ["/orders/1?q=%", "/orders/1?q=%"],
];

const REFUSED: [string, string][] = [
  ["nothing", ""],
  ["scheme-relative", "//evil.example/x"],
  ["slash backslash", "/\\evil.example/x"],
  ["two backslashes", "\\\\evil.example/x"],
  ["backslash slash", "\\/evil.example/x"],
  ["a tab between the slashes", "/\t/evil.example/x"],
  ["a newline between the slashes", "/\n/evil.example/x"],
  ["a space before //", " //evil.example/x"],
  ["an absolute https URL", "https://evil.example/x"],
  ["an upper-case scheme", "HTTPS://evil.example/x"],
  ["a scheme without slashes", "https:evil.example/x"],
  ["the page's own scheme without slashes", "http:evil.example/x"],
  ["javascript:", "javascript:alert(1)"],
  ["mixed-case javascript:", "JaVaScRiPt:alert(1)"],
  ["an encoded //", "%2F%2Fevil.example/x"],
  ["/ then an encoded /", "/%2fevil.example/x"],
  ["/ then an encoded //", "/%2F%2Fevil.example/x"],
  ["/ then an encoded backslash", "/%5Cevil.example/x"],
  ["a double-encoded //", "/%252F%252Fevil.example/x"],
  ["a double-encoded \\\\", "/%255C%255Cevil.example/x"],
  ["a triple-encoded //", "/%25252F%25252Fevil.example/x"],
  ["encoded past the decoding rounds", "/%2525252525252Fx"],
  ["a dot segment into //", "/..//evil.example/x"],
  ["a single dot into //", "/.//evil.example/x"],
  ["a segment and .. into //", "/a/..//evil.example/x"],
  ["an encoded dot segment into //", "/%2e%2e//evil.example/x"],
  ["an encoded dot and an encoded /", "/%2E/%2Fevil.example/x"],
  ["a fully encoded /..//", "/%2e%2e%2f%2fevil.example/x"],
  ["an encoded tab between the slashes", "/%09/evil.example/x"],
  ["a NUL between the slashes", "/\u0000//evil.example/x"],
  ["an encoded NUL", "/%00//evil.example/x"],
  ["a relative path", "orders/1"],
  ["a dot-relative path", "./orders/1"],
  ["a query alone", "?next=/orders/1"],
  ["a fragment alone", "#/orders/1"],
  ["fullwidth solidi", "／／evil.example/x"],
  ["the login page", "/login?next=/orders/1"],
  ["the login page with a slash", "/login/"],
  ["the login page, encoded", "/%6Cogin"],
  ["a very long path", `/${"a".repeat(3000)}`],
  ["a path that grows too long once encoded", `/${"ş".repeat(500)}`],
];

describe("safeNext", () => {
  it.each(KEPT)("sends %j to %j", (value, expected) => {
    expect(safeNext(value)).toBe(expected);
  });

  it.each(REFUSED)("refuses %s (%j)", (_name, value) => {
    expect(safeNext(value)).toBe(DEFAULT_NEXT);
  });

  it("refuses a missing value", () => {
    expect(safeNext(null)).toBe(DEFAULT_NEXT);
    expect(safeNext(undefined)).toBe(DEFAULT_NEXT);
  });

  it("answers what a browser reads back unchanged (a fixed point)", () => {
    for (const [value] of [...KEPT, ...REFUSED]) {
      const next = safeNext(value);
      expect(safeNext(next)).toBe(next);
      expect(new URL(next, "https://dashboard.example").origin).toBe("https://dashboard.example");
    }
  });
});
