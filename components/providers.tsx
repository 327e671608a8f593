"use client";
import { QueryClientProvider } from "@tanstack/react-query";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/config";
import { I18nProvider } from "@/lib/i18n/context";
import type { Dictionary } from "@/lib/i18n/dictionaries";
import type { Role } from "@/lib/auth/roles";
import { getQueryClient } from "@/lib/client/query-client";
import { RoleProvider } from "@/lib/client/role-context";

export function Providers({
  locale,
  dict,
  role,
  children,
}: {
  locale: Locale;
  dict: Dictionary;
  role: Role | null;
  children: ReactNode;
}) {
  const queryClient = getQueryClient();
  return (
    <QueryClientProvider client={queryClient}>
      <NuqsAdapter>
        <I18nProvider locale={locale} dict={dict}>
          <RoleProvider role={role}>{children}</RoleProvider>
        </I18nProvider>
      </NuqsAdapter>
    </QueryClientProvider>
  );
}
