"use client";
// The account's balance in the report header: lira, credits, and how long the credits last at the
// last 30 days' pace. Loading and failure stay quiet: the report around it is what matters.
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { accountQueryOptions } from "@/lib/client/account-queries";
import type { AccountResponse } from "@/lib/account/contract";
import { INTL_LOCALE, interpolate } from "@/lib/i18n/config";
import { useI18n } from "@/lib/i18n/context";

export function AccountCard() {
  const { t } = useI18n();
  const { data, isPending, isError, refetch, isFetching } = useQuery(accountQueryOptions());
  if (isPending)
    return (
      <div
        className="card mt-3 flex w-full items-center gap-3 px-3 py-2 sm:w-fit"
        role="status"
        aria-label={t.account.loading}
        data-testid="account-loading"
      >
        <span className="skeleton h-5 w-24" />
        <span className="skeleton h-4 w-20" />
        <span className="skeleton hidden h-4 w-40 sm:block" />
      </div>
    );
  if (isError || !data)
    return (
      <p
        className="muted mt-3 flex flex-wrap items-center gap-2 text-xs"
        data-testid="account-error"
      >
        <span>{t.account.unavailable}</span>
        <button
          type="button"
          className="rounded underline underline-offset-2 hover:text-slate-900 disabled:opacity-50 dark:hover:text-slate-100"
          onClick={() => void refetch()}
          disabled={isFetching}
        >
          {t.account.retry}
        </button>
      </p>
    );
  return <AccountSummary account={data} />;
}

function AccountSummary({ account }: { account: AccountResponse }) {
  const { t, fmt, locale, plural } = useI18n();
  const lira = useMemo(
    () => new Intl.NumberFormat(INTL_LOCALE[locale], { style: "currency", currency: "TRY" }),
    [locale],
  );
  const { amount, sms } = account.balance;
  const pace = paceText(account, t, fmt.number, plural);
  return (
    <section
      aria-label={t.account.label}
      className="card mt-3 flex w-full flex-wrap items-baseline gap-x-3 gap-y-1 px-3 py-2 text-sm sm:w-fit"
      data-testid="account-card"
    >
      <span className="font-semibold tabular-nums" data-testid="account-amount">
        {amount === null ? "—" : lira.format(amount)}
      </span>
      {sms === null ? null : (
        <span
          className="text-slate-700 tabular-nums dark:text-slate-300"
          data-testid="account-credits"
        >
          {interpolate(plural(t.account.credits, sms), { count: fmt.number(sms) })}
        </span>
      )}
      {pace ? (
        <span
          className="muted basis-full text-xs sm:basis-auto"
          title={pace.hint}
          data-testid="account-pace"
        >
          {pace.text}
        </span>
      ) : null}
    </section>
  );
}

type Dict = ReturnType<typeof useI18n>["t"];

function paceText(
  { balance, pace }: AccountResponse,
  t: Dict,
  number: (n: number) => string,
  plural: ReturnType<typeof useI18n>["plural"],
): { text: string; hint?: string } | null {
  if (pace.pending) return { text: t.account.paceLoading };
  if (pace.smsPerDay === 0) return { text: t.account.noSending };
  if (pace.daysLeft === null || pace.smsPerDay === null || balance.sms === null) return null;
  const perDay = Math.round(pace.smsPerDay);
  const hint = interpolate(plural(t.account.perDay, perDay), { count: number(perDay) });
  if (pace.daysLeft === 0) return { text: t.account.underADay, hint };
  return {
    text: interpolate(plural(t.account.daysLeft, pace.daysLeft), {
      days: number(pace.daysLeft),
    }),
    hint,
  };
}
