import type { Dictionary } from "@/lib/i18n/dictionaries";

export function DemoBadge({ dict }: { dict: Dictionary }) {
  return (
    <span
      className="shrink-0 rounded-full border border-amber-300 bg-amber-50 px-2.5 py-0.5 text-xs font-semibold text-amber-900 dark:border-amber-500/40 dark:bg-amber-500/10 dark:text-amber-200"
      title={dict.app.demoBadgeHint}
      data-testid="demo-badge"
    >
      {dict.app.demoBadge}
    </span>
  );
}
