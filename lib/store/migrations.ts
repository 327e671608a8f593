// The store's migrations, in order, run at start (a table records which ran). Append, never edit:
// an instance that started with an older list must find its own migrations unchanged. Both
// engines run the same list; only the binary column type differs between them.
import type { Kysely, Migration } from "kysely";

export type Dialect = "sqlite" | "postgres";

export function migrations(dialect: Dialect): Record<string, Migration> {
  const bytes = dialect === "postgres" ? "bytea" : "blob";
  return {
    "0001-settled-days": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("settled_days")
          .addColumn("account", "text", (c) => c.notNull())
          .addColumn("day", "text", (c) => c.notNull())
          .addColumn("orders", "integer", (c) => c.notNull())
          .addColumn("data", bytes, (c) => c.notNull())
          .addColumn("stored_at", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("settled_days_pk", ["account", "day"])
          .execute();
      },
    },
  };
}
