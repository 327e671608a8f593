// The login throttle of the whole app, its failures kept in the store (shared by instances).
import "server-only";
import { LoginThrottle } from "@/lib/auth/throttle";
import { loginFailures } from "@/lib/store/login-failures";
import { store } from "./store";

const holder = globalThis as typeof globalThis & { __loginThrottle?: Promise<LoginThrottle> };

export function loginThrottle(): Promise<LoginThrottle> {
  holder.__loginThrottle ??= store().then((s) => new LoginThrottle({ store: loginFailures(s.db) }));
  return holder.__loginThrottle;
}

/** Route tests use a throttle of their own. */
export function setLoginThrottleForTesting(replacement: LoginThrottle | undefined): void {
  holder.__loginThrottle = replacement && Promise.resolve(replacement);
}
