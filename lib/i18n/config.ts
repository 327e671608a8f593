// Locales the dashboard speaks, and how each maps to Intl.
export const LOCALES = ["tr", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** The team reads Turkish first: used when the browser states no supported language. */
const DEFAULT_LOCALE: Locale = "tr";
export const LOCALE_COOKIE = "locale";

/** The Intl tag per locale; en-GB gives day-month dates and a 24-hour clock, as readers in Türkiye expect. */
export const INTL_LOCALE: Record<Locale, string> = { tr: "tr-TR", en: "en-GB" };

function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Picks the remembered choice, else the best Accept-Language match, else the default. */
export function negotiateLocale(cookie: string | undefined, acceptLanguage: string | null): Locale {
  if (isLocale(cookie)) return cookie;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...rest] = part.trim().split(";");
      const q = rest.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return {
        lang: tag.toLowerCase().split("-")[0] ?? "",
        q: q ? Number(q.slice(2)) || 0 : 1,
        index,
      };
    })
    .filter((x) => x.lang && x.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((x) => x.lang).find(isLocale) ?? DEFAULT_LOCALE;
}

/** Replaces `{name}` placeholders. */
export function interpolate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}

/**
 * A string with a count in it, one text per plural category. English and Turkish both know only
 * "one" and "other"; Turkish gives the same text for both, since a noun after a number stays
 * singular ("3 gönderici").
 */
export type Plural = { one: string; other: string };

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** The text of `forms` that reads right with `count`; fill it in with interpolate(). */
export function pluralForm(locale: Locale, forms: Plural, count: number): string {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(INTL_LOCALE[locale])));
  return rules.select(count) === "one" ? forms.one : forms.other;
}
