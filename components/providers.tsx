"use client";
import { QueryClientProvider } from "@tanstack/react-query";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/config";
import { I18nProvider } from "@/lib/i18n/context";
import type { Dictionary } from "@/lib/i18n/dictionaries";
import { getQueryClient } from "@/lib/client/query-client";

export function Providers({
  locale,
  dict,
  children,
}: {
  locale: Locale;
  dict: Dictionary;
  children: ReactNode;
}) {
  const queryClient = getQueryClient();
  return (
    <QueryClientProvider client={queryClient}>
      <NuqsAdapter>
        <I18nProvider locale={locale} dict={dict}>
          {children}
        </I18nProvider>
      </NuqsAdapter>
    </QueryClientProvider>
  );
}
