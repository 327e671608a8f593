import { describe, expect, it } from "vitest";
import { DEFAULT_NEXT, safeNext } from "./next-path";

describe("safeNext", () => {
  it.each([
    "/reports?start=2026-04-01&end=2026-04-30&sender=A%2CB",
    "/orders/312988299?from=%2Freports%3Fstart%3D2026-04-01",
    "/reports#table",
  ])("keeps the same-origin path %s", (path) => {
    expect(safeNext(path)).toBe(path);
  });

  it.each([
    null,
    "",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "https://evil.example/reports",
    "javascript:alert(1)",
    "%2F%2Fevil.example",
    "/%2F%2Fevil.example",
    "/%5Cevil.example",
    "/%255C%255Cevil.example",
    "/\tevil",
    "reports",
    "/login?next=/reports",
    `/${"a".repeat(3000)}`,
  ])("refuses %s", (path) => {
    expect(safeNext(path)).toBe(DEFAULT_NEXT);
  });
});
