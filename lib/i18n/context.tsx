"use client";
// Hands the server-chosen locale and its dictionary to client components.
import { createContext, use, useMemo, type ReactNode } from "react";
import { createFormatters, type Formatters } from "@/lib/ui/format";
import { pluralForm, type Locale, type Plural } from "./config";
import type { Dictionary } from "./dictionaries";

type I18n = {
  locale: Locale;
  t: Dictionary;
  fmt: Formatters;
  /** The form of a `{ one, other }` text that reads right with `count`. */
  plural: (forms: Plural, count: number) => string;
};

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({
  locale,
  dict,
  children,
}: {
  locale: Locale;
  dict: Dictionary;
  children: ReactNode;
}) {
  const value = useMemo(
    () => ({
      locale,
      t: dict,
      fmt: createFormatters(locale),
      plural: (forms: Plural, count: number) => pluralForm(locale, forms, count),
    }),
    [locale, dict],
  );
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const value = use(I18nContext);
  if (!value) throw new Error("useI18n must be used inside <I18nProvider>");
  return value;
}
