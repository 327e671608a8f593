// What the KPI cards say they are compared with: "yesterday until 09:20", "September", "the same
// days last year", or the dates. Turkish puts the phrase first and in the dative ("düne göre",
// "Eylül'e göre"), so each language builds its own from the dictionary.
import { addDays, comparisonRange } from "@/lib/dates";
import { interpolate } from "@/lib/i18n/config";
import type { Dictionary } from "@/lib/i18n/dictionaries";
import type { ReportResponse } from "@/lib/reports/contract/types";
import type { createFormatters } from "./format";

type Previous = NonNullable<ReportResponse["previous"]>;

const isWholeMonth = ({ start, end }: { start: string; end: string }) =>
  start.endsWith("-01") && start.slice(0, 7) === end.slice(0, 7) && addDays(end, 1).endsWith("-01");

/**
 * The phrase for the comparison of `range` with `previous`, read from the answer itself (not the
 * URL), so the words always match the numbers they sit beside.
 */
export function comparisonPhrase(
  t: Dictionary,
  fmt: ReturnType<typeof createFormatters>,
  range: { start: string; end: string },
  previous: Previous,
  today: string,
): string {
  const p = previous.range;
  const c = t.kpi.against;
  const lastYear = comparisonRange(range, "year", today);
  let phrase: string;
  if (lastYear && lastYear.start === p.start && lastYear.end === p.end) phrase = c.year;
  else if (
    p.start === p.end &&
    range.start === range.end &&
    range.end === today &&
    p.end === addDays(today, -1)
  )
    phrase = c.yesterday;
  else if (isWholeMonth(p) && p.start.slice(0, 4) === today.slice(0, 4))
    phrase = interpolate(c.month, {
      month:
        (t.kpi.monthNames as Record<string, string>)[p.start.slice(5, 7)] ?? fmt.month(p.start),
    });
  else phrase = interpolate(c.range, { range: fmt.dateRange(p) });
  if (previous.until) phrase += interpolate(c.until, { time: fmt.hourMinute(previous.until) });
  return phrase;
}
