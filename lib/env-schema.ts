// The configuration's schema (the README's "Configuration"), kept free of "server-only" so scripts and tests can use it.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { parseUsers } from "./auth/users";

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const intVar = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({
          code: "custom",
          message: `${name} must be a whole number from ${min} to ${max}`,
        });
        return z.NEVER;
      }
      return n;
    });

const schema = z.object({
  ILETIMERKEZI_API_KEY: optionalText,
  ILETIMERKEZI_API_HASH: optionalText,
  ILETIMERKEZI_API_SECRET: optionalText,
  ILETIMERKEZI_BASE_URL: optionalText.pipe(
    z
      .url({ protocol: /^https?$/, error: "ILETIMERKEZI_BASE_URL must be an http(s) URL" })
      .optional(),
  ),
  SESSION_SECRET: optionalText,
  DASHBOARD_USERS: optionalText,
  UPSTREAM_CONCURRENCY: intVar("UPSTREAM_CONCURRENCY", 1, 32, 4),
  UPSTREAM_TIMEOUT_MS: intVar("UPSTREAM_TIMEOUT_MS", 1000, 300_000, 15_000),
  MAX_RANGE_DAYS: intVar("MAX_RANGE_DAYS", 1, 3660, 366),
  PORT: intVar("PORT", 1, 65_535, 3000),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/, {
        error: "DATABASE_URL must be a postgres:// URL (unset it for the embedded store)",
      })
      .optional(),
  ),
  DATA_DIR: optionalText,
  TRUST_PROXY: intVar("TRUST_PROXY", 0, 10, 0),
  SESSION_IDLE_MINUTES: intVar("SESSION_IDLE_MINUTES", 1, 8 * 60, 120),
});

export type Env = {
  mode: "live" | "demo";
  upstream: { baseUrl: string; key: string; hash?: string; secret?: string } | null;
  sessionSecret: string;
  users: string | undefined;
  concurrency: number;
  timeoutMs: number;
  maxRangeDays: number;
  port: number;
  /** Postgres when databaseUrl is set, else the embedded store in dataDir. */
  store: { databaseUrl?: string; dataDir: string };
  /** Reverse-proxy hops in front whose X-Forwarded-* headers are believed (0: none). */
  trustProxy: number;
  /** A session unused this long ends (the absolute limit stays 8 h). */
  sessionIdleMs: number;
};

export const DEFAULT_BASE_URL = "https://api.iletimerkezi.com/v1";

class EnvError extends Error {
  name = "EnvError";
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new EnvError(
      `Invalid configuration: ${issue?.message ?? "unknown"} (${issue?.path.join(".")})`,
    );
  }
  const v = parsed.data;
  if (v.DASHBOARD_USERS) {
    try {
      parseUsers(v.DASHBOARD_USERS);
    } catch (error) {
      throw new EnvError(`Invalid configuration: ${(error as Error).message}`);
    }
  }
  const base = {
    users: v.DASHBOARD_USERS,
    concurrency: v.UPSTREAM_CONCURRENCY,
    timeoutMs: v.UPSTREAM_TIMEOUT_MS,
    maxRangeDays: v.MAX_RANGE_DAYS,
    port: v.PORT,
    store: { databaseUrl: v.DATABASE_URL, dataDir: v.DATA_DIR ?? "./data" },
    trustProxy: v.TRUST_PROXY,
    sessionIdleMs: v.SESSION_IDLE_MINUTES * 60_000,
  };
  if (!v.ILETIMERKEZI_API_KEY) {
    return {
      ...base,
      mode: "demo",
      upstream: null,
      sessionSecret: v.SESSION_SECRET ?? randomBytes(32).toString("hex"),
    };
  }
  const missing = (name: string, why: string) => new EnvError(`Live mode needs ${name}: ${why}`);
  if (!v.ILETIMERKEZI_API_HASH && !v.ILETIMERKEZI_API_SECRET)
    throw missing(
      "ILETIMERKEZI_API_HASH",
      "set it to the hash the panel shows (or set ILETIMERKEZI_API_SECRET)",
    );
  if (!v.SESSION_SECRET || v.SESSION_SECRET.length < 32)
    throw missing("SESSION_SECRET", "set it to a random string of at least 32 characters");
  if (!v.DASHBOARD_USERS)
    throw missing(
      "DASHBOARD_USERS",
      "set it to name:role:hash entries, each hash what `npm run --silent hash-password` prints for the password it reads on standard input",
    );
  return {
    ...base,
    mode: "live",
    upstream: {
      baseUrl: v.ILETIMERKEZI_BASE_URL ?? DEFAULT_BASE_URL,
      key: v.ILETIMERKEZI_API_KEY,
      hash: v.ILETIMERKEZI_API_HASH,
      secret: v.ILETIMERKEZI_API_SECRET,
    },
    sessionSecret: v.SESSION_SECRET,
  };
}
