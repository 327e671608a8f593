// Every test file runs as the app runs under scripts/server.mjs: the process is marked, so the
// peer header a test sends is the connection's address (lib/security/forwarded.ts). And each file
// has a DATA_DIR of its own, so files running at once never share the embedded store's lock.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

(globalThis as Record<symbol, unknown>)[Symbol.for("iletimerkezi-reports.server")] = {
  peerHeader: "x-dashboard-peer",
};
if (!(globalThis as { __dashboardEnv?: unknown }).__dashboardEnv)
  process.env.DATA_DIR = mkdtempSync(join(tmpdir(), "imr-vitest-"));
