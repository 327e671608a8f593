"use client";
import { useState } from "react";
import { interpolate } from "@/lib/i18n/config";
import { useI18n } from "@/lib/i18n/context";

export function SignOutButton({ user }: { user: string }) {
  const { t } = useI18n();
  const [pending, setPending] = useState(false);

  async function signOut() {
    setPending(true);
    await fetch("/api/auth/logout", { method: "POST" }).catch(() => undefined);
    // A full page load on purpose: nothing of the signed-in session stays in memory.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign("/login");
  }

  return (
    <button
      type="button"
      onClick={signOut}
      disabled={pending}
      title={interpolate(t.auth.signedInAs, { user })}
      className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800"
    >
      {t.auth.signOut}
    </button>
  );
}
