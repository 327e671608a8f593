// Item 6: autocannon, 50 connections for 20 s, on a warm GET /api/reports (its own process, so the
// load generator's JSON parsing does not run on the bench's event loop).
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { App } from "./app";

const run = promisify(execFile);

export type LoadResult = {
  path: string;
  connections: number;
  seconds: number;
  requestsPerSec: number;
  latencyMs: { p50: number; p99: number; max: number };
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
};

export async function loadBench(
  app: App,
  path: string,
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  const args = [
    "node_modules/autocannon/autocannon.js",
    "-j",
    "-c",
    String(connections),
    "-d",
    String(seconds),
  ];
  if (app.cookie) args.push("-H", `cookie=${app.cookie}`);
  args.push(`${app.origin}${path}`);
  const { stdout } = await run(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 });
  const r = JSON.parse(stdout) as {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number; max: number };
    errors: number;
    timeouts: number;
    non2xx: number;
  };
  return {
    path,
    connections,
    seconds,
    requestsPerSec: r.requests.average,
    latencyMs: { p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max },
    requests: r.requests.total,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
  };
}
