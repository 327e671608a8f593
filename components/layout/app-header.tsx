import Link from "next/link";
import type { Dictionary } from "@/lib/i18n/dictionaries";
import { ChartIcon } from "@/components/ui/icons";
import { DemoBadge } from "./demo-badge";
import { LanguageSwitch } from "./language-switch";
import { SignOutButton } from "./sign-out-button";
import { ThemeSwitch } from "./theme-switch";

export function AppHeader({
  dict,
  theme,
  demo,
  user,
  admin,
}: {
  dict: Dictionary;
  theme: "light" | "dark" | null;
  demo: boolean;
  user: string | null;
  /** Shows the link to the audit log. */
  admin: boolean;
}) {
  return (
    <header className="border-b border-slate-200 bg-white/80 backdrop-blur dark:border-slate-800 dark:bg-slate-950/80">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/reports" className="flex min-w-0 items-center gap-2 rounded-md">
          <span className="flex size-8 shrink-0 items-center justify-center rounded-lg bg-indigo-600 text-white">
            <span className="sr-only sm:hidden">{dict.app.name}</span>
            <ChartIcon className="size-5" />
          </span>
          <span className="hidden min-w-0 leading-tight sm:block">
            <span className="block truncate text-sm font-semibold">{dict.app.name}</span>
            <span className="block truncate text-xs text-slate-600 dark:text-slate-400">
              {dict.app.tagline}
            </span>
          </span>
        </Link>
        {demo ? <DemoBadge dict={dict} /> : null}
        <div className="ml-auto flex flex-wrap items-center justify-end gap-2">
          {admin ? (
            <Link
              href="/admin/audit"
              className="rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
            >
              {dict.audit.link}
            </Link>
          ) : null}
          <LanguageSwitch />
          <ThemeSwitch serverTheme={theme} />
          {user ? <SignOutButton user={user} /> : null}
        </div>
      </div>
    </header>
  );
}
