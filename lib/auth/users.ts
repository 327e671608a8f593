// Dashboard users from DASHBOARD_USERS (`name:hash,…`); demo mode without it: demo / demo.
import { hashPassword, verifyPassword } from "./password";

export type Users = ReadonlyMap<string, string>;

class UsersConfigError extends Error {
  name = "UsersConfigError";
}

export function parseUsers(value: string): Users {
  const users = new Map<string, string>();
  for (const entry of value
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const colon = entry.indexOf(":");
    const name = colon > 0 ? entry.slice(0, colon).trim() : "";
    const hash = colon > 0 ? entry.slice(colon + 1).trim() : "";
    // Only the name goes into the message: the entry may hold a hash.
    if (!name || !hash)
      throw new UsersConfigError(
        `DASHBOARD_USERS: "${name || entry.split(":")[0]?.slice(0, 20)}" is not name:hash`,
      );
    users.set(name, hash);
  }
  if (users.size === 0) throw new UsersConfigError("DASHBOARD_USERS names no user");
  return users;
}

export const DEMO_USER = { username: "demo", password: "demo" } as const;

export function demoUsers(): Users {
  return new Map([[DEMO_USER.username, hashPassword(DEMO_USER.password)]]);
}

/** Constant-time in the password; an unknown user costs the same scrypt as a known one. */
export function authenticate(users: Users, username: string, password: string): boolean {
  return verifyPassword(password, users.get(username));
}
