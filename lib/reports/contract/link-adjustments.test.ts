import { describe, expect, it } from "vitest";
import { adjustLinkRange, lastPage, pageAdjustment } from "./link-adjustments";
import { InvalidQueryError } from "./query-params";
import { parseReportQuery } from "./report-query";
import { resolveReportQuery } from "./resolve-report-query";

const context = { today: "2026-05-20", maxRangeDays: 366 };
const adjust = (search: string) => {
  const { params, adjustments } = adjustLinkRange(new URLSearchParams(search), context);
  return { start: params.get("start"), end: params.get("end"), adjustments };
};

describe("adjustLinkRange", () => {
  it("keeps the end of a range longer than the limit and shows its last days", () => {
    expect(adjust("start=2025-01-01&end=2026-05-20")).toEqual({
      start: "2025-05-20",
      end: "2026-05-20",
      adjustments: [
        {
          kind: "tooLong",
          requestedDays: 505,
          shown: { start: "2025-05-20", end: "2026-05-20" },
        },
      ],
    });
  });

  it("leaves a range of exactly the limit alone and cuts one day more", () => {
    expect(adjust("start=2025-05-20&end=2026-05-20").adjustments).toEqual([]);
    expect(adjust("start=2025-05-19&end=2026-05-20")).toMatchObject({
      start: "2025-05-20",
      adjustments: [{ kind: "tooLong", requestedDays: 367 }],
    });
    const short = adjustLinkRange(new URLSearchParams("start=2026-05-01&end=2026-05-20"), {
      today: "2026-05-20",
      maxRangeDays: 7,
    });
    expect(short.params.get("start")).toBe("2026-05-14");
  });

  it("moves an end after today to today, then cuts what is still too long", () => {
    expect(adjust("start=2026-05-01&end=2030-01-01")).toEqual({
      start: "2026-05-01",
      end: "2026-05-20",
      adjustments: [{ kind: "endAfterToday", requested: "2030-01-01", shown: "2026-05-20" }],
    });
    expect(adjust("start=2024-01-01&end=2030-01-01")).toEqual({
      start: "2025-05-20",
      end: "2026-05-20",
      adjustments: [
        { kind: "endAfterToday", requested: "2030-01-01", shown: "2026-05-20" },
        { kind: "tooLong", requestedDays: 871, shown: { start: "2025-05-20", end: "2026-05-20" } },
      ],
    });
    expect(adjust("end=2030-01-01")).toMatchObject({ start: null, end: "2026-05-20" });
  });

  it.each([
    ["no dates", ""],
    ["a range that fits", "start=2026-05-01&end=2026-05-20"],
    ["a backwards range", "start=2026-05-10&end=2026-05-01"],
    ["a malformed end", "start=2020-01-01&end=2030-13-01"],
    ["a repeated end", "start=2020-01-01&end=2030-01-01&end=2030-01-02"],
    ["a repeated start", "start=2020-01-01&start=2020-01-02&end=2026-05-01"],
    ["a start without an end", "start=2020-01-01"],
  ])("changes nothing for %s (the parser has its say)", (_, search) => {
    const { params, adjustments } = adjustLinkRange(new URLSearchParams(search), context);
    expect(adjustments).toEqual([]);
    expect(params.toString()).toBe(new URLSearchParams(search).toString());
  });
});

describe("resolveReportQuery with an adjusted link", () => {
  it("shows the adjusted range, while the API still refuses the same query", () => {
    const search = "start=2025-01-01&end=2030-01-01&sort=-total";
    const resolved = resolveReportQuery(new URLSearchParams(search), context);
    expect(resolved.query).toMatchObject({
      start: "2025-05-20",
      end: "2026-05-20",
      sort: "-total",
    });
    expect(resolved.adjusted.map((a) => a.kind)).toEqual(["endAfterToday", "tooLong"]);
    expect(resolved.dropped).toEqual([]);
    expect(() => parseReportQuery(new URLSearchParams(search), context)).toThrow(InvalidQueryError);
  });

  it("a range wholly after today: the end comes back to today, the start is dropped", () => {
    const resolved = resolveReportQuery(
      new URLSearchParams("start=2030-01-01&end=2030-02-01"),
      context,
    );
    expect(resolved.query).toMatchObject({ start: "2026-05-14", end: "2026-05-20" });
    expect(resolved.dropped).toEqual(["start"]);
    expect(resolved.adjusted).toEqual([
      { kind: "endAfterToday", requested: "2030-02-01", shown: "2026-05-20" },
    ]);
  });
});

describe("pageAdjustment", () => {
  it.each([
    [9999, 120, 50, 3],
    [4, 120, 50, 3],
    [2, 0, 50, 1],
    [2, 50, 50, 1],
  ])("page %i of %i rows by %i → the last page, %i", (page, total, size, shown) => {
    expect(pageAdjustment(page, total, size)).toEqual({
      kind: "pastLastPage",
      requested: page,
      shown,
    });
  });

  it.each([
    [1, 0, 50],
    [3, 120, 50],
    [3, 101, 50],
  ])("page %i of %i rows by %i exists", (page, total, size) => {
    expect(pageAdjustment(page, total, size)).toBeNull();
    expect(lastPage(total, size)).toBeGreaterThanOrEqual(page);
  });
});
