"use client";
// The download menu of an export: Excel or CSV, in the language the page is read in. A <details>
// disclosure, so it opens by keyboard and without script; it closes on a choice, Escape or a
// click elsewhere.
import { useEffect, useRef } from "react";
import { ChevronDownIcon, DownloadIcon } from "@/components/ui/icons";
import { useI18n } from "@/lib/i18n/context";
import { exportLink } from "@/lib/reports/contract/export-query";

export function ExportMenu({
  href,
  hint,
  testId,
  align = "right",
}: {
  /** The export route with its query, without format and lang. */
  href: string;
  hint: string;
  testId: string;
  /** The button's edge the menu lines up with: "start" where a phone may show it at the left. */
  align?: "start" | "right";
}) {
  const { t, locale } = useI18n();
  const ref = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    const close = (event: Event) => {
      const menu = ref.current;
      if (!menu?.open) return;
      if (event instanceof KeyboardEvent) {
        if (event.key !== "Escape") return;
        menu.open = false;
        menu.querySelector("summary")?.focus();
      } else if (!menu.contains(event.target as Node)) menu.open = false;
    };
    document.addEventListener("pointerdown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("pointerdown", close);
      document.removeEventListener("keydown", close);
    };
  }, []);

  const words = { xlsx: t.export.excel, csv: t.export.csv };
  return (
    <details ref={ref} className="relative" data-testid={testId}>
      <summary
        className="btn cursor-pointer list-none [&::-webkit-details-marker]:hidden"
        title={hint}
        data-testid={`${testId}-toggle`}
      >
        <DownloadIcon />
        {t.export.menu}
        <ChevronDownIcon className="size-3.5" />
      </summary>
      <ul
        className={`absolute top-full z-20 mt-1 min-w-full rounded-lg border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-900 ${align === "right" ? "right-0" : "left-0 md:right-0 md:left-auto"}`}
      >
        {(["xlsx", "csv"] as const).map((format) => (
          <li key={format}>
            <a
              href={exportLink(href, format, locale)}
              download
              className="block px-3 py-2 text-sm whitespace-nowrap text-slate-700 hover:bg-slate-100 focus-visible:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800 dark:focus-visible:bg-slate-800"
              onClick={() => {
                if (ref.current) ref.current.open = false;
              }}
              data-testid={`${testId}-${format}`}
            >
              {words[format]}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
