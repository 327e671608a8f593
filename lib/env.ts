// The one place that reads process.env: validated once, at start-up, with zod.
import "server-only";
import { parseEnv, type Env } from "./env-schema";

let cached: Env | undefined;

/** The validated configuration; throws one line naming the bad variable. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export type { Env };
