// One colour per outcome for every chart, badge and bar; the CSS variables switch with the theme
// (app/globals.css), the Tailwind names come from tailwind.config.ts.
// Which status is which outcome is the contract's (lib/reports/contract/statuses.ts).
import type { Outcome } from "@/lib/reports/contract/statuses";

export type { Outcome };
export const OUTCOMES = [
  "delivered",
  "undelivered",
  "waiting",
] as const satisfies readonly Outcome[];

export const OUTCOME_COLOR: Record<Outcome, string> = {
  delivered: "var(--c-delivered)",
  undelivered: "var(--c-undelivered)",
  waiting: "var(--c-waiting)",
};
export const RATE_COLOR = "var(--c-rate)";
export const GRID_COLOR = "var(--c-grid)";
export const AXIS_COLOR = "var(--c-axis)";

export const OUTCOME_BADGE: Record<Outcome, string> = {
  delivered: "bg-green-100 text-green-800 dark:bg-green-500/15 dark:text-green-200",
  undelivered: "bg-red-100 text-red-800 dark:bg-red-500/15 dark:text-red-200",
  waiting: "bg-amber-100 text-amber-900 dark:bg-amber-500/15 dark:text-amber-200",
};

export const OUTCOME_TEXT: Record<Outcome, string> = {
  delivered: "text-delivered dark:text-delivered-dark",
  undelivered: "text-undelivered dark:text-undelivered-dark",
  waiting: "text-waiting dark:text-waiting-dark",
};
