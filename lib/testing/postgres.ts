// Postgres for tests: TEST_DATABASE_URL (default: the local server's `test` database). Each test
// file gets its own schema, dropped at the end. Without a server the tests that need one are
// skipped with a line saying so, unless REQUIRE_POSTGRES=1 (CI), which makes them fail instead.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll } from "vitest";

const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const REQUIRED = process.env.REQUIRE_POSTGRES === "1";

async function reachable(): Promise<boolean> {
  const client = new pg.Client({
    connectionString: TEST_DATABASE_URL,
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Whether the Postgres tests run here; logs why not, and throws when CI requires them. */
export async function postgresForTests(): Promise<boolean> {
  if (await reachable()) return true;
  const line = `Postgres is not reachable at TEST_DATABASE_URL (${new URL(TEST_DATABASE_URL).host}): the Postgres tests are skipped.`;
  if (REQUIRED) throw new Error(`${line} REQUIRE_POSTGRES=1 makes that a failure.`);
  console.warn(line);
  return false;
}

/** A new empty schema; the URL puts it first on the search path. */
export async function freshSchema(): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}

/** Registers clean-ups (schemas to drop, stores to close) run after the file's tests, newest first. */
export function afterAllCleanups(): (cleanup: () => unknown) => void {
  const list: Array<() => unknown> = [];
  afterAll(async () => {
    for (const c of list.reverse()) await c();
  });
  return (cleanup) => void list.push(cleanup);
}
