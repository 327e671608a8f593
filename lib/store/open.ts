// Opens the store at start: Postgres when DATABASE_URL is set (any number of instances share
// it), else the embedded engine, SQLite in a file under DATA_DIR that one process holds at a
// time. Then runs the migrations. Every failure is one line saying why.
import "server-only";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { Kysely, Migrator, PostgresDialect, sql, SqliteDialect } from "kysely";
import type { LogSink } from "@/lib/log";
import { holdDataDir } from "./data-dir-lock";
import { migrations, type Dialect } from "./migrations";
import type { Database } from "./schema";
import { StoreError } from "./store-error";

type StoreKind = "embedded" | "postgres";

export type Store = {
  kind: StoreKind;
  db: Kysely<Database>;
  /** Resolves when the database answers; rejects with the reason otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
};

export type StoreConfig = { databaseUrl?: string; dataDir: string; log: LogSink };

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function embedded(dataDir: string): Promise<{ db: Kysely<Database>; release: () => void }> {
  const dir = resolve(dataDir);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new StoreError(`DATA_DIR ${dir} cannot be created: ${reason(error)}`);
  }
  const release = holdDataDir(dir);
  try {
    const { default: Sqlite } = await import("better-sqlite3");
    const database = new Sqlite(join(dir, "store.sqlite"));
    // WAL with NORMAL sync: a commit survives the process dying (not a power cut, which loses at
    // most the last commits, never a half-written one); readers do not wait for the writer.
    database.pragma("journal_mode = WAL");
    database.pragma("synchronous = NORMAL");
    database.pragma("busy_timeout = 5000");
    return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database }) }), release };
  } catch (error) {
    release();
    throw new StoreError(
      `the embedded store in DATA_DIR ${dir} cannot be opened: ${reason(error)}`,
    );
  }
}

async function postgres(url: string, log: LogSink): Promise<Kysely<Database>> {
  const { Pool } = await import("pg");
  const pool = new Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client's error (the server restarted) must not end the process; the next query
  // reconnects or fails visibly.
  const lost = (error: Error) =>
    log({ event: "store_error", op: "connection", error: error.message });
  pool.on("error", lost);
  // A client that loses its server between a query and its return to the pool emits "error" with
  // no pool listener on it yet; unheard, that would end the process.
  pool.on("connect", (client) => client.on("error", lost));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

async function migrate(db: Kysely<Database>, dialect: Dialect): Promise<void> {
  // Postgres: the migration tables go in the schema the connection works in (its search path).
  const schema =
    dialect === "postgres"
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]
          ?.schema
      : undefined;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations(dialect) },
    migrationTableSchema: schema,
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}

export async function openStore({ databaseUrl, dataDir, log }: StoreConfig): Promise<Store> {
  const kind: StoreKind = databaseUrl ? "postgres" : "embedded";
  let db: Kysely<Database>;
  let release = () => {};
  if (databaseUrl) db = await postgres(databaseUrl, log);
  else ({ db, release } = await embedded(dataDir));
  const close = async () => {
    await db.destroy();
    release();
  };
  try {
    await migrate(db, databaseUrl ? "postgres" : "sqlite");
  } catch (error) {
    await close().catch(() => {});
    const where =
      kind === "postgres"
        ? "Postgres at DATABASE_URL"
        : `the embedded store in DATA_DIR ${resolve(dataDir)}`;
    throw new StoreError(`${where} cannot be migrated: ${reason(error)}`);
  }
  return {
    kind,
    db,
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close,
  };
}
