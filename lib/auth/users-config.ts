// The configured users, parsed once per configuration.
import "server-only";
import { env } from "@/lib/env";
import { demoUsers, parseUsers, type Users } from "./users";

let cached: { source: string | undefined; users: Users } | undefined;

export function getUsers(): Users {
  const source = env().users;
  if (cached?.source !== source || !cached)
    cached = { source, users: source ? parseUsers(source) : demoUsers() };
  return cached.users;
}

/** Whether the login page may show the demo credentials. */
export function showsDemoLogin(): boolean {
  const config = env();
  return config.mode === "demo" && !config.users;
}
