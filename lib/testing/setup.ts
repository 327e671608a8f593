// Every test file runs as the app runs under scripts/server.mjs: the process is marked, so the
// peer header a test sends is the connection's address (lib/security/forwarded.ts).
(globalThis as Record<symbol, unknown>)[Symbol.for("iletimerkezi-reports.server")] = {
  peerHeader: "x-dashboard-peer",
};
