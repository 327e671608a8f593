// Why a picked range cannot be applied (or null when it can). Pure, so the picker and tests agree.
import { isCalendarDate, rangeDays } from "@/lib/dates";

export type RangeProblem =
  | { kind: "invalidDate" }
  | { kind: "incomplete" }
  | { kind: "endBeforeStart" }
  | { kind: "future" }
  | { kind: "tooLong"; days: number };

export function rangeProblem(
  start: string,
  end: string | null,
  today: string,
  maxRangeDays: number,
): RangeProblem | null {
  if (!isCalendarDate(start) || (end !== null && end !== "" && !isCalendarDate(end)))
    return { kind: "invalidDate" };
  if (!end) return { kind: "incomplete" };
  if (end < start) return { kind: "endBeforeStart" };
  if (start > today || end > today) return { kind: "future" };
  const days = rangeDays({ start, end });
  if (days > maxRangeDays) return { kind: "tooLong", days };
  return null;
}
