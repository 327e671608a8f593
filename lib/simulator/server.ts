// A small node:http front for the simulator, for the CLI and e2e runs; the handler stays Web-only.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Simulator } from "./types";

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function serve(
  sim: Simulator,
  origin: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  // A client that hangs up mid-request aborts the handler (latency, "timeout" faults) at once.
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const body = req.method === "GET" || req.method === "HEAD" ? undefined : await readBody(req);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
  }
  const request = new Request(new URL(req.url ?? "/", origin), {
    method: req.method,
    headers,
    body: body ? new Uint8Array(body) : undefined,
    signal: controller.signal,
  });
  const response = await sim.handle(request);
  const text = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, {
    "content-type": response.headers.get("content-type") ?? "application/json",
    "content-length": text.length,
  });
  res.end(text);
}

export async function startSimulatorServer(
  sim: Simulator,
  opts: { port?: number; host?: string } = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const host = opts.host ?? "127.0.0.1";
  let origin = `http://${host}`;
  const server = createServer((req, res) => {
    serve(sim, origin, req, res).catch(() => {
      // Aborted or broken: nobody is listening for an answer any more.
      if (!res.headersSent) res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const hostPart = host.includes(":") ? `[${host}]` : host;
  origin = `http://${hostPart}:${port}`;
  return {
    url: `${origin}/v1`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Keep-alive sockets would hold close() open; hanging requests must not either.
        server.closeAllConnections();
      }),
  };
}
