import { describe, expect, it } from "vitest";
import { reportSearch } from "@/lib/client/report-queries";
import { loadReportParams, serializeReportParams } from "./report-query";
import { resolveReportQuery } from "./resolve-report-query";

const TODAY = "2026-05-20";
const resolve = (search: string) =>
  resolveReportQuery(new URLSearchParams(search), { today: TODAY, maxRangeDays: 366 });

describe("resolveReportQuery", () => {
  it("defaults to the last 7 days ending today", () => {
    const { query, invalid } = resolve("");
    expect(query).toMatchObject({ start: "2026-05-14", end: TODAY, sort: "-submitAt", page: 1 });
    expect(invalid).toEqual([]);
  });

  it("drops each bad parameter and keeps the rest", () => {
    const { query, dropped } = resolve(
      "start=2026-02-30&sort=bogus&page=0&sender=OTP-SMS&status=114",
    );
    expect(dropped.sort()).toEqual(["page", "sort", "start"]);
    expect(query).toMatchObject({ sender: ["OTP-SMS"], status: [114], sort: "-submitAt", page: 1 });
  });

  it("resets both ends of a backwards range; keeps the last days of a too long one", () => {
    expect(resolve("start=2026-05-10&end=2026-05-01").dropped.sort()).toEqual(["end", "start"]);
    const long = resolve("start=2024-01-01&end=2026-05-01");
    expect(long.query).toMatchObject({ start: "2025-05-01", end: "2026-05-01" });
    expect(long.dropped).toEqual([]);
    expect(long.adjusted).toEqual([
      { kind: "tooLong", requestedDays: 852, shown: { start: "2025-05-01", end: "2026-05-01" } },
    ]);
  });

  it("resets only the start when it lies after today", () => {
    const { query, dropped } = resolve("start=2026-06-01&end=2026-05-10");
    expect(dropped).toEqual(["start"]);
    expect(query).toMatchObject({ start: "2026-05-04", end: "2026-05-10" });
  });

  it("never puts refresh into the query key", () => {
    const { query } = resolve("refresh=1&start=2026-05-01&end=2026-05-02");
    expect(reportSearch(query)).toBe("?start=2026-05-01&end=2026-05-02");
  });

  // The page hands the browser the query of its URL as nuqs serialises it (page.tsx): for a link
  // with nothing to drop, that is the query the server prefetched, so the browser's key matches.
  it.each([
    "",
    "start=2026-05-01&end=2026-05-20&sort=-deliveryRate&page=3&pageSize=100",
    "sender=OTP-SMS,KAMPANYA&status=114,113&q=%20bayram%20&minMessages=20&compare=year",
    "weekday=0,4&hour=9,21&label=Bayram,none&bucket=week",
    "start=2024-01-01&end=2026-05-01",
  ])("a URL as nuqs reads it resolves to the same query: %s", (search) => {
    const asNuqs = serializeReportParams(loadReportParams(new URLSearchParams(search)));
    expect(resolve(asNuqs.replace(/^\?/, "")).query).toEqual(resolve(search).query);
  });
});
