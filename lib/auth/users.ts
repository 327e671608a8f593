// Dashboard users from DASHBOARD_USERS (`name:role:hash,…`, or `name:hash` for an analyst); demo
// mode without it: demo / demo, an admin, so the demo shows everything.
import { isRole, ROLES, type Role } from "./roles";

export type User = { hash: string; role: Role };
export type Users = ReadonlyMap<string, User>;

class UsersConfigError extends Error {
  name = "UsersConfigError";
}

/** A role given without one: the one that can do a report's work without seeing numbers. */
const DEFAULT_ROLE: Role = "analyst";

export function parseUsers(value: string): Users {
  const users = new Map<string, User>();
  for (const entry of value
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    // A hash never holds a colon: name:hash, or name:role:hash.
    const parts = entry.split(":").map((p) => p.trim());
    const name = parts.length >= 2 ? (parts[0] ?? "") : "";
    const role = parts.length === 3 ? (parts[1] ?? "") : DEFAULT_ROLE;
    const hash = parts.length >= 2 ? (parts.at(-1) ?? "") : "";
    // Only the name goes into a message: the entry may hold a hash.
    if (!name || !hash || parts.length > 3)
      throw new UsersConfigError(
        `DASHBOARD_USERS: "${name || entry.split(":")[0]?.slice(0, 20)}" is not name:hash or name:role:hash`,
      );
    if (!isRole(role))
      throw new UsersConfigError(
        `DASHBOARD_USERS: "${name}" has the role "${role.slice(0, 20)}"; roles are ${ROLES.join(", ")}`,
      );
    if (users.has(name))
      throw new UsersConfigError(`DASHBOARD_USERS: "${name}" is listed more than once`);
    users.set(name, { hash, role });
  }
  if (users.size === 0) throw new UsersConfigError("DASHBOARD_USERS names no user");
  return users;
}

export const DEMO_USER = { username: "demo", password: "demo" } as const;

/**
 * The demo user's hash of "demo", made once with `npm run hash-password` at the current cost: the
 * password is public, and hashing it at start would hold the event loop for ~0.4 s.
 */
const DEMO_HASH =
  "scrypt.131072.8.1.8Ll0BHHP4L9VmXkgfBx9pA.6aSsC-q4xkUrugytGNdnXZQ_5N5hWFEBXs4gw2kazwM";

export function demoUsers(): Users {
  return new Map([[DEMO_USER.username, { hash: DEMO_HASH, role: "admin" }]]);
}
