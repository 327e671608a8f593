// What a campaign label may be (label-rules.ts), and the bodies of the label routes, table-driven.
import { describe, expect, it } from "vitest";
import { parseLabelsQuery, setLabelBody, setLabelsBody } from "./contract";
import { checkLabel } from "./label-rules";

const ok = (label: string) => ({ ok: true, label });

describe("checkLabel", () => {
  it.each([
    ["Bayram 2026", "Bayram 2026"],
    ["  Bayram\t\t2026 \n", "Bayram 2026"],
    ["Black\u00a0Friday\u2003 SMS", "Black Friday SMS"],
    ["Şeker Bayramı İndirimi ğüöçış", "Şeker Bayramı İndirimi ğüöçış"],
    // Decomposed letters are stored composed, so one label is one row whichever keyboard typed it.
    ["S\u0327eker", "Şeker"],
    ["👩‍👩‍👧 Aile 🇹🇷", "👩‍👩‍👧 Aile 🇹🇷"],
    ["a\u200bb", "a b"],
    ["x".repeat(80), "x".repeat(80)],
    ["ş".repeat(80), "ş".repeat(80)],
    // 80 user-perceived characters, each a flag of two code points (four code units).
    ["🇹🇷".repeat(80), "🇹🇷".repeat(80)],
    ["Nonetheless", "Nonetheless"],
    ["  " + "y".repeat(80) + "  ", "y".repeat(80)],
  ])("takes %j as %j", (raw, label) => {
    expect(checkLabel(raw)).toEqual(ok(label));
  });

  it.each([
    ["", /Type a label/],
    [" \t\n ", /Type a label/],
    ["x".repeat(81), /81 characters long; keep it to 80/],
    ["ş".repeat(81), /81 characters long/],
    ["e\u0301".repeat(81), /81 characters long/],
    ["a" + "\u0301".repeat(400), /keep it to 80/],
    ["Bayram\u0000", /control or invisible/],
    ["Bayram\u0007 2026", /control or invisible/],
    ["\u202eBayram", /control or invisible/],
    ["Bay\u00adram", /control or invisible/],
    ["Bayram \ud800", /control or invisible/],
    ["Bayram, 2026", /comma/],
    ["none", /reserved/],
    [" NONE ", /reserved/],
  ])("refuses %j", (raw, message) => {
    const checked = checkLabel(raw);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.message).toMatch(message);
  });
});

describe("the label bodies", () => {
  it("takes a label or null for one order", () => {
    expect(setLabelBody.parse({ label: " Bayram  2026 " })).toEqual({ label: "Bayram 2026" });
    expect(setLabelBody.parse({ label: null })).toEqual({ label: null });
  });

  it.each([
    [{}, /label must be text/],
    [{ label: 5 }, /label must be text/],
    [{ label: "" }, /Type a label/],
    [[], /Send \{"label"/],
    ["Bayram", /Send \{"label"/],
    [null, /Send \{"label"/],
  ])("refuses %j for one order", (body, message) => {
    const parsed = setLabelBody.safeParse(body);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(message);
  });

  it("takes 1–5000 order ids for many", () => {
    const ids = Array.from({ length: 5000 }, (_, i) => i + 1);
    expect(setLabelsBody.parse({ label: "Kasım", ids }).ids).toHaveLength(5000);
    expect(setLabelsBody.parse({ label: null, ids: [999_999_999_999_999] })).toEqual({
      label: null,
      ids: [999_999_999_999_999],
    });
  });

  it.each([
    [{ label: "x", ids: [] }, /at least one order/],
    [{ label: "x", ids: Array.from({ length: 5001 }, (_, i) => i + 1) }, /at most 5000/],
    [{ label: "x", ids: [1, 0] }, /positive whole numbers/],
    [{ label: "x", ids: [1.5] }, /positive whole numbers/],
    [{ label: "x", ids: ["312988299"] }, /positive whole numbers/],
    [{ label: "x", ids: [1e15] }, /at most 15 digits/],
    [{ label: "x", ids: [1e16] }, /positive whole numbers/],
    [{ label: "x", ids: "1,2" }, /ids must be a list/],
    [{ label: "x" }, /ids must be a list/],
    [{ ids: [1] }, /label must be text/],
    [{ label: "a,b", ids: [1] }, /comma/],
  ])("refuses %j for many", (body, message) => {
    const parsed = setLabelsBody.safeParse(body);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(message);
  });
});

describe("GET /api/labels' query", () => {
  it("defaults and bounds", () => {
    expect(parseLabelsQuery(new URLSearchParams())).toEqual({ prefix: "", limit: 50 });
    expect(parseLabelsQuery(new URLSearchParams("prefix=bay&limit=5"))).toEqual({
      prefix: "bay",
      limit: 5,
    });
    expect(() => parseLabelsQuery(new URLSearchParams("limit=0"))).toThrow(/limit/);
    expect(() => parseLabelsQuery(new URLSearchParams("limit=501"))).toThrow(/limit/);
    expect(() => parseLabelsQuery(new URLSearchParams("prefix=a&prefix=b"))).toThrow(/once/);
    expect(() => parseLabelsQuery(new URLSearchParams({ prefix: "x".repeat(321) }))).toThrow(
      /prefix/,
    );
  });
});
