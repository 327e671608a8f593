"use client";
// The signed-in user's role in the browser, so that what a role cannot do is not shown (the API
// refuses it anyway: lib/api/route.ts). Set by the root layout from the session.
import { createContext, useContext, type ReactNode } from "react";
import { can, type Permission, type Role } from "@/lib/auth/roles";

const RoleContext = createContext<Role | null>(null);

export function RoleProvider({ role, children }: { role: Role | null; children: ReactNode }) {
  return <RoleContext.Provider value={role}>{children}</RoleContext.Provider>;
}

/** Whether the signed-in user may do this (false when nobody is signed in). */
export function useCan(permission: Permission): boolean {
  const role = useContext(RoleContext);
  return role !== null && can(role, permission);
}
