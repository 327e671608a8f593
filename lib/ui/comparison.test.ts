import { describe, expect, it } from "vitest";
import { en } from "@/lib/i18n/dictionaries/en";
import { tr } from "@/lib/i18n/dictionaries/tr";
import { comparisonPhrase } from "./comparison";
import { createFormatters } from "./format";

const TODAY = "2026-11-27";
const range = (start: string, end: string) => ({
  start,
  end,
  timeZone: "Europe/Istanbul" as const,
});
const previous = (start: string, end: string, until: string | null = null) => ({
  range: range(start, end),
  until,
  totals: null,
  pending: true,
});

describe("what the KPI cards are compared with", () => {
  const cases = [
    // [range, previous, compare, English, Turkish]
    [
      range(TODAY, TODAY),
      previous("2026-11-26", "2026-11-26", "2026-11-26T06:20:00.000Z"),
      "previous",
      "yesterday until 09:20",
      "Düne göre (aynı saate kadar: 09:20)",
    ],
    [
      range("2026-10-01", "2026-10-31"),
      previous("2026-09-01", "2026-09-30"),
      "previous",
      "September",
      "Eylül'e göre",
    ],
    [
      range("2026-11-01", TODAY),
      previous("2026-10-01", "2026-10-27", "2026-10-27T06:20:00.000Z"),
      "previous",
      "27 Oct 2026 – … until 09:20",
      "",
    ],
    [
      range("2025-11-01", "2025-11-30"),
      previous("2024-11-01", "2024-11-30"),
      "year",
      "the same days last year",
      "Geçen yılın aynı günlerine göre",
    ],
  ] as const;

  it.each(cases)("%o → %s", (r, p, _compare, english, turkish) => {
    const got = comparisonPhrase(en, createFormatters("en"), r, p, TODAY);
    if (english.includes("…")) expect(got).toMatch(/ until 09:20$/);
    else expect(got).toBe(english);
    if (turkish) expect(comparisonPhrase(tr, createFormatters("tr"), r, p, TODAY)).toBe(turkish);
  });

  it("names a month of another year by its dates, and a one-off range by its dates", () => {
    const got = comparisonPhrase(
      en,
      createFormatters("en"),
      range("2026-01-01", "2026-01-31"),
      previous("2025-12-01", "2025-12-31"),
      TODAY,
    );
    expect(got).toBe(createFormatters("en").dateRange({ start: "2025-12-01", end: "2025-12-31" }));
    const tr7 = comparisonPhrase(
      tr,
      createFormatters("tr"),
      range("2026-11-20", "2026-11-26"),
      previous("2026-11-13", "2026-11-19"),
      TODAY,
    );
    expect(tr7).toMatch(/dönemine göre$/);
  });
});
