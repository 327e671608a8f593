import type { ReactNode } from "react";

// The signed-in area. The session check of the access-control work goes here.
export default function DashboardLayout({ children }: { children: ReactNode }) {
  return <div className="flex flex-col">{children}</div>;
}
