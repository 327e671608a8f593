import type { ReactNode } from "react";

/** A centred message for not-found and error pages, inside the layout's <main>. */
export function PageMessage({
  code,
  title,
  body,
  children,
}: {
  code?: string;
  title: ReactNode;
  body: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center px-4 py-20 text-center">
      {code ? (
        <p className="text-sm font-semibold tracking-wider text-indigo-600 dark:text-indigo-300">
          {code}
        </p>
      ) : null}
      <h1 className="mt-2 text-2xl font-bold tracking-tight sm:text-3xl">{title}</h1>
      <p className="muted mt-3 text-base">{body}</p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">{children}</div>
    </div>
  );
}
