"use client";
import { useSyncExternalStore } from "react";
import { useI18n } from "@/lib/i18n/context";
import { applyTheme } from "@/lib/ui/preferences";
import { MoonIcon, SunIcon } from "@/components/ui/icons";

function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}

const isDark = () => document.documentElement.classList.contains("dark");

export function ThemeSwitch({ serverTheme }: { serverTheme: "light" | "dark" | null }) {
  const { t } = useI18n();
  const dark = useSyncExternalStore(subscribe, isDark, () => serverTheme === "dark");

  function toggle() {
    applyTheme(dark ? "light" : "dark");
  }

  const label = dark ? t.app.switchToLight : t.app.switchToDark;
  return (
    <button type="button" onClick={toggle} className="icon-button" aria-label={label} title={label}>
      {dark ? <SunIcon /> : <MoonIcon />}
    </button>
  );
}
