"use client";
import { useState, type FormEvent, type InputHTMLAttributes } from "react";
import { interpolate } from "@/lib/i18n/config";
import { useI18n } from "@/lib/i18n/context";

type Props = { next: string; demo: { username: string; password: string } | null };

export function LoginForm({ next, demo }: Props) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const res = await fetch("/api/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: form.get("username"), password: form.get("password") }),
      });
      if (res.status === 204) {
        // A full navigation, so every server component renders with the new session.
        window.location.assign(next);
        return;
      }
      const seconds = Number(res.headers.get("retry-after")) || 900;
      if (res.status === 429)
        // Waits after failures from elsewhere are seconds (1, 2, 4, … 30); a lock is minutes.
        setError(
          seconds < 60
            ? interpolate(t.auth.rateLimitedSeconds, { seconds })
            : interpolate(t.auth.rateLimited, { minutes: Math.ceil(seconds / 60) }),
        );
      else if (res.status === 503) setError(t.auth.busy);
      else setError(res.status === 401 ? t.auth.invalid : t.auth.failed);
    } catch {
      setError(t.auth.failed);
    }
    setPending(false);
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate={false}>
      <Field name="username" label={t.auth.username} autoComplete="username" autoFocus />
      <Field
        name="password"
        label={t.auth.password}
        autoComplete="current-password"
        type="password"
      />
      {error ? (
        <p
          role="alert"
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60"
      >
        {pending ? t.auth.submitting : t.auth.submit}
      </button>
      {demo ? (
        <p className="text-center text-sm text-slate-600 dark:text-slate-400">
          {interpolate(t.auth.demoHint, demo)}
        </p>
      ) : null}
    </form>
  );
}

function Field({
  name,
  label,
  ...input
}: { name: string; label: string } & Pick<
  InputHTMLAttributes<HTMLInputElement>,
  "autoComplete" | "autoFocus" | "type"
>) {
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={name}
        name={name}
        required
        className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900"
        {...input}
      />
    </div>
  );
}
