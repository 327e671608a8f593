import type { Metadata, Viewport } from "next";
import { cookies, headers } from "next/headers";
import Script from "next/script";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { Providers } from "@/components/providers";
import { currentPageSession } from "@/lib/auth/dal";
import { can } from "@/lib/auth/roles";
import { NONCE_HEADER } from "@/lib/security/proxy-core";
import { getDictionary } from "@/lib/i18n/server";
import { appMode } from "@/lib/server/prefetch";
import { isTheme, THEME_COOKIE, THEME_SCRIPT } from "@/lib/ui/preferences";
import "./globals.css";

const FAVICON =
  "data:image/svg+xml," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#4f46e5"/><path d="M8 23V13M14 23V8M20 23v-7M26 23V11" stroke="#fff" stroke-width="3" stroke-linecap="round"/></svg>',
  );

export async function generateMetadata(): Promise<Metadata> {
  const { dict } = await getDictionary();
  return {
    title: { default: dict.meta.title, template: `%s · ${dict.app.name}` },
    description: dict.meta.description,
    icons: { icon: FAVICON },
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f8fafc" },
    { media: "(prefers-color-scheme: dark)", color: "#020617" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [{ locale, dict }, cookieStore, headerList, session] = await Promise.all([
    getDictionary(),
    cookies(),
    headers(),
    currentPageSession(),
  ]);
  const nonce = headerList.get(NONCE_HEADER) ?? undefined;
  const stored = cookieStore.get(THEME_COOKIE)?.value;
  const theme = isTheme(stored) ? stored : null;
  return (
    <html
      lang={locale}
      className={theme === "dark" ? "dark" : undefined}
      data-theme={theme ?? undefined}
      style={theme ? { colorScheme: theme } : undefined}
      suppressHydrationWarning
    >
      <head>
        {/* Without a remembered theme, follow the system before the first paint (no flash). */}
        {theme ? null : (
          <Script id="theme-from-system" strategy="beforeInteractive" nonce={nonce}>
            {THEME_SCRIPT}
          </Script>
        )}
      </head>
      <body className="min-h-dvh">
        <Providers locale={locale} dict={dict} role={session?.role ?? null}>
          <a
            href="#main"
            className="sr-only rounded-md bg-indigo-600 px-3 py-2 text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50"
          >
            {dict.app.skipToContent}
          </a>
          <AppHeader
            dict={dict}
            theme={theme}
            demo={appMode() === "demo"}
            user={session?.user ?? null}
            admin={session ? can(session.role, "audit") : false}
          />
          {/* The one <main> of every page; each segment lays out its own content inside. */}
          <main id="main">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
