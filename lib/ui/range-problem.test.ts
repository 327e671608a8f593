import { describe, expect, it } from "vitest";
import { rangeProblem } from "./range-problem";

const TODAY = "2026-05-20";

describe("rangeProblem", () => {
  it.each([
    ["2026-05-01", "2026-05-10", null],
    ["2026-05-10", "2026-05-01", "endBeforeStart"],
    ["2025-01-01", "2026-05-01", "tooLong"],
    ["2026-05-01", "2026-05-21", "future"],
    ["2026-05-01", null, "incomplete"],
    ["2026-02-30", "2026-03-01", "invalidDate"],
  ] as const)("%s … %s → %s", (start, end, kind) => {
    expect(rangeProblem(start, end, TODAY, 366)?.kind ?? null).toBe(kind);
  });
});
