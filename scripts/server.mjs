// The dashboard's HTTP server: Next's request handler behind node:http, so that the app learns who
// is really connected. Next gives route handlers no socket, and `next start` passes on whatever
// X-Forwarded-For a client sends; here every request carries the connection's own address in
// PEER_HEADER (a client's copy is overwritten), and the app decides from TRUST_PROXY how far to
// believe forwarded headers (lib/api/forwarded.ts). `npm start`, `npm run demo` and `npm run dev`
// run this (scripts/start.sh); plain `next start` is refused at start-up (lib/startup.ts).
//
//   node scripts/server.mjs [-p PORT] [-H HOST] [--dev]
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import next from "next";

const PEER_HEADER = "x-dashboard-peer";
const SERVER_MARK = Symbol.for("iletimerkezi-reports.server");

const { values } = parseArgs({
  options: {
    port: { type: "string", short: "p" },
    hostname: { type: "string", short: "H", default: "127.0.0.1" },
    dev: { type: "boolean", default: false },
  },
});
// As `next start`: -p, else PORT, else 3000 (the app validates PORT itself at start-up).
const port = Number(values.port ?? process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 1 || port > 65_535) {
  console.error(`Invalid port: ${values.port ?? process.env.PORT}`);
  process.exit(1);
}
const hostname = values.hostname;

// Read by the app: PEER_HEADER is trustworthy only when this server set it.
globalThis[SERVER_MARK] = { peerHeader: PEER_HEADER };

const app = next({ dev: values.dev, hostname, port, dir: process.cwd() });
const handle = app.getRequestHandler();
await app.prepare();

/** The connection's address, IPv4-mapped IPv6 written as IPv4. */
function peerOf(req) {
  const peer = req.socket.remoteAddress ?? "";
  return peer.startsWith("::ffff:") ? peer.slice(7) : peer;
}

/**
 * Headers only the app itself may set: the proxy's nonce and path for the page, Next's own
 * middleware headers. A client's copies are dropped, so a page never renders with a nonce (or a
 * path) a client chose, on any path the proxy does or does not touch.
 */
function dropInternalHeaders(req) {
  for (const name of Object.keys(req.headers))
    if (name === "x-nonce" || name === "x-dashboard-path" || name.startsWith("x-middleware-"))
      delete req.headers[name];
}

const server = createServer((req, res) => {
  dropInternalHeaders(req);
  req.headers[PEER_HEADER] = peerOf(req);
  handle(req, res).catch((error) => {
    console.error(JSON.stringify({ event: "request_failed", message: String(error?.message) }));
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.on("upgrade", (req, socket, head) => {
  req.headers[PEER_HEADER] = peerOf(req);
  app.getUpgradeHandler()(req, socket, head);
});
server.listen(port, hostname, () => {
  console.log(JSON.stringify({ event: "listening", url: `http://${hostname}:${port}` }));
});

function stop() {
  server.close();
  server.closeAllConnections();
  process.exit(0);
}
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
