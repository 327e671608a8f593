"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { LOCALES, type Locale } from "@/lib/i18n/config";
import { useI18n } from "@/lib/i18n/context";
import { rememberLocale } from "@/lib/ui/preferences";

export function LanguageSwitch() {
  const { t, locale } = useI18n();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function choose(next: Locale) {
    if (next === locale) return;
    rememberLocale(next);
    startTransition(() => router.refresh());
  }

  return (
    <div role="group" aria-label={t.app.language} className="segmented" aria-busy={pending}>
      {LOCALES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-pressed={code === locale}
          onClick={() => choose(code)}
          title={t.app.languageNames[code]}
        >
          <span aria-hidden="true">{code.toUpperCase()}</span>
          <span className="sr-only">{t.app.languageNames[code]}</span>
        </button>
      ))}
    </div>
  );
}
