// Theme: a class on <html>, remembered in a cookie so the server renders it without a flash.
import { LOCALE_COOKIE } from "@/lib/i18n/config";
export const THEME_COOKIE = "theme";
const THEMES = ["light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export function isTheme(value: unknown): value is Theme {
  return value === "light" || value === "dark";
}

/** Runs before first paint when no theme is remembered: follows the system preference. */
export const THEME_SCRIPT = `(function(){try{var d=document.documentElement;if(d.dataset.theme)return;var dark=window.matchMedia("(prefers-color-scheme: dark)").matches;d.classList.toggle("dark",dark);d.style.colorScheme=dark?"dark":"light";}catch(e){}})();`;

function rememberTheme(theme: Theme) {
  document.cookie = `${THEME_COOKIE}=${theme}; path=/; max-age=31536000; samesite=lax`;
}

/** Puts the theme on <html> now and remembers it. */
export function applyTheme(theme: Theme) {
  const root = document.documentElement;
  root.classList.toggle("dark", theme === "dark");
  root.style.colorScheme = theme;
  root.dataset.theme = theme;
  rememberTheme(theme);
}

/** Remembers the chosen language; the server reads it on the next render. */
export function rememberLocale(locale: string) {
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
  document.documentElement.lang = locale;
}
