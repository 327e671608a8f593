import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { currentPageSession } from "@/lib/auth/dal";
import { safeNext } from "@/lib/auth/next-path";
import { DEMO_USER } from "@/lib/auth/users";
import { showsDemoLogin } from "@/lib/auth/users-config";
import { getDictionary } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { dict } = await getDictionary();
  return { title: dict.auth.title };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  const raw = (await searchParams).next;
  const next = safeNext(Array.isArray(raw) ? raw[0] : raw);
  if (await currentPageSession()) redirect(next);
  const { dict } = await getDictionary();
  return (
    <div className="mx-auto w-full max-w-sm px-4 py-16">
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <h1 className="text-xl font-semibold">{dict.auth.title}</h1>
        <p className="mt-1 mb-6 text-sm text-slate-600 dark:text-slate-400">{dict.auth.subtitle}</p>
        <LoginForm next={next} demo={showsDemoLogin() ? { ...DEMO_USER } : null} />
      </div>
    </div>
  );
}
