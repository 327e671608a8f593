import type { ReactNode } from "react";
import { AlertIcon, ClockIcon, InfoIcon } from "./icons";

const TONES = {
  error: {
    box: "border-red-300 bg-red-50 text-red-950 dark:border-red-500/40 dark:bg-red-500/10 dark:text-red-50",
    icon: <AlertIcon className="size-5 text-red-600 dark:text-red-300" />,
  },
  warning: {
    box: "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-500/40 dark:bg-amber-500/10 dark:text-amber-50",
    icon: <ClockIcon className="size-5 text-amber-600 dark:text-amber-300" />,
  },
  info: {
    box: "border-indigo-200 bg-indigo-50 text-indigo-950 dark:border-indigo-500/40 dark:bg-indigo-500/10 dark:text-indigo-50",
    icon: <InfoIcon className="size-5 text-indigo-600 dark:text-indigo-300" />,
  },
} as const;

/** A full-width message with an optional action; `role` decides how loudly it is announced. */
export function Banner({
  tone,
  title,
  children,
  actions,
  role = tone === "error" ? "alert" : "status",
  testId,
}: {
  tone: keyof typeof TONES;
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
  role?: "alert" | "status" | "region";
  testId?: string;
}) {
  const t = TONES[tone];
  return (
    <div
      role={role}
      aria-label={role === "region" ? title : undefined}
      data-testid={testId}
      className={`flex flex-col gap-3 rounded-xl border p-4 sm:flex-row sm:items-start ${t.box}`}
    >
      <div className="flex min-w-0 flex-1 gap-3">
        <span className="mt-0.5 shrink-0">{t.icon}</span>
        <div className="min-w-0 text-sm">
          <p className="font-semibold">{title}</p>
          {children ? <div className="mt-1 leading-relaxed opacity-90">{children}</div> : null}
        </div>
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap gap-2 sm:ml-4">{actions}</div> : null}
    </div>
  );
}
