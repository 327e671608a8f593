import type { ReactNode } from "react";

// The signed-in area: one column under the header (root layout) for its pages, their skeletons and
// their error and not-found pages. The session check of the access-control work goes here.
export default function DashboardLayout({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto flex w-full max-w-7xl flex-col gap-5 px-4 py-6 sm:px-6">{children}</div>
  );
}
