// The one place that reads process.env: validated once, at start-up, with zod.
import "server-only";
import { parseEnv, type Env } from "./env-schema";

// On globalThis, not in a module variable: Next bundles routes and pages separately, and demo
// mode's random session secret must be one value for the whole process.
const holder = globalThis as typeof globalThis & { __dashboardEnv?: Env };

/** The validated configuration; throws one line naming the bad variable. */
export function env(): Env {
  holder.__dashboardEnv ??= parseEnv(process.env);
  return holder.__dashboardEnv;
}

export type { Env };

/** Tests: a configuration in place of the process's (undefined: read process.env again). */
export function setEnvForTesting(replacement: Env | undefined): void {
  holder.__dashboardEnv = replacement;
}
