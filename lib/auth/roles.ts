// Roles and what each may do (product.md "Roles"): the one table both the server (route wrapper,
// pages) and the browser (what is shown) read. Safe for the browser.

export const ROLES = ["viewer", "analyst", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** What a role may do beyond reading reports, order pages and masked numbers (everyone may). */
export type Permission = "export" | "label" | "reveal" | "audit";

const ALLOWED: Record<Permission, readonly Role[]> = {
  /** Orders and (masked) recipients as CSV; share links of their own, later. */
  export: ["analyst", "admin"],
  /** Setting, changing and removing campaign labels (everyone sees them). */
  label: ["analyst", "admin"],
  /** Phone numbers in full, in the JSON and the CSV. */
  reveal: ["admin"],
  /** The audit log. */
  audit: ["admin"],
};

export function can(role: Role, permission: Permission): boolean {
  return ALLOWED[permission].includes(role);
}

export const isRole = (value: string): value is Role =>
  (ROLES as readonly string[]).includes(value);
