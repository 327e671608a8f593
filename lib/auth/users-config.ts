// The configured users, read once.
import "server-only";
import { env } from "@/lib/env";
import { demoUsers, parseUsers, type Users } from "./users";

let users: Users | undefined;

export function getUsers(): Users {
  const config = env();
  users ??= config.users ? parseUsers(config.users) : demoUsers();
  return users;
}

/** Whether the login page may show the demo credentials. */
export function showsDemoLogin(): boolean {
  const config = env();
  return config.mode === "demo" && !config.users;
}
