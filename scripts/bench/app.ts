// The app under test: a production build in a copy of the tree (so the bench never disturbs the
// working tree), started as `npm start` starts it (scripts/start.sh) in live mode against the bench
// simulator.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, openSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hashPassword } from "@/lib/auth/password";

const BENCH_USER = "bench";
const BENCH_PASSWORD = "benchpass";

function sh(command: string, cwd: string, env: NodeJS.ProcessEnv = process.env): void {
  execFileSync("bash", ["-c", command], { cwd, env, stdio: ["ignore", "inherit", "inherit"] });
}

/** Copies the tree (tracked and untracked, not ignored) to `dir` and builds it there. */
export function buildApp(
  source: string,
  dir: string,
  say: (line: string) => void,
): { buildMs: number } {
  say(`copying ${source} to ${dir}`);
  sh(`rm -rf ${JSON.stringify(dir)} && mkdir -p ${JSON.stringify(dir)}`, source);
  sh(
    `git ls-files -co --exclude-standard | tar cf - -T - | (cd ${JSON.stringify(dir)} && tar xf -)`,
    source,
  );
  // Hard links, not a symlink: Turbopack refuses a node_modules outside the project root.
  sh(`cp -al ${JSON.stringify(join(source, "node_modules"))} node_modules`, dir);
  say("building (next build)…");
  const started = performance.now();
  sh("npx next build > .bench-build.log 2>&1 || (tail -40 .bench-build.log; exit 1)", dir, {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
  });
  return { buildMs: performance.now() - started };
}

export type App = {
  origin: string;
  pid: number;
  /** Cookie header for the API (empty while sessions are not enforced). */
  cookie: string;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  rssBytes(): number;
  /** CPU time (user + system) of the process and its descendants so far, in ms. */
  cpuMs(): number;
  stop(): Promise<void>;
};

/** A process and its descendants, from /proc. */
function processTree(pid: number): number[] {
  const pids = [pid];
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    const children = readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim();
    for (const child of children ? children.split(/\s+/) : [])
      pids.push(...processTree(Number(child)));
  }
  return pids;
}

/** Resident set size of a process and its descendants. */
function treeRss(pid: number): number {
  return processTree(pid).reduce((total, p) => {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
    return total + (kb ? Number(kb[1]) * 1024 : 0);
  }, 0);
}

/** CPU time (user + system) of a process and its descendants, in ms (clock ticks of 10 ms). */
function treeCpuMs(pid: number): number {
  return processTree(pid).reduce((total, p) => {
    const stat = readFileSync(`/proc/${p}/stat`, "utf8");
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return total + (Number(fields[11]) + Number(fields[12])) * 10;
  }, 0);
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not come up within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function startApp(
  dir: string,
  opts: {
    port: number;
    upstream: { url: string; key: string; secret: string };
    concurrency: number;
    nodeOptions?: string;
    /** scripts/server.mjs without scripts/start.sh's malloc setting, for comparison. */
    bare?: boolean;
    /** Where the server's stdout (JSON logs) goes; discarded by default. */
    logFile?: string;
    /** The embedded store's folder (default: a new one, so the first report is cold). */
    dataDir?: string;
    /** Postgres instead of the embedded store. */
    databaseUrl?: string;
    /** More users beside the bench user, with its password (per-user limits need several). */
    users?: readonly string[];
  },
): Promise<App> {
  if (!existsSync(join(dir, ".next", "BUILD_ID")))
    throw new Error(`no build in ${dir}: run with --rebuild`);
  const origin = `http://127.0.0.1:${opts.port}`;
  const passwordHash = hashPassword(BENCH_PASSWORD); // one scrypt for every bench user
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    ILETIMERKEZI_API_KEY: opts.upstream.key,
    ILETIMERKEZI_API_SECRET: opts.upstream.secret,
    ILETIMERKEZI_BASE_URL: opts.upstream.url,
    SESSION_SECRET: "bench-session-secret-0123456789abcdef0123456789",
    DASHBOARD_USERS: [BENCH_USER, ...(opts.users ?? [])]
      .map((name) => `${name}:${passwordHash}`)
      .join(","),
    UPSTREAM_CONCURRENCY: String(opts.concurrency),
    PORT: String(opts.port),
    // A new embedded store per start unless told: the first report over a range is cold.
    DATA_DIR: opts.dataDir ?? mkdtempSync(join(tmpdir(), "imr-bench-store-")),
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
    ...(opts.nodeOptions ? { NODE_OPTIONS: opts.nodeOptions } : {}),
  };
  // As `npm start` starts it (scripts/start.sh, which execs next: the pid is the server's, so RSS
  // is measured right), without the npm wrapper.
  const command = opts.bare ? [process.execPath, "scripts/server.mjs"] : ["sh", "scripts/start.sh"];
  const child = spawn(command[0] as string, [...command.slice(1), "-p", String(opts.port)], {
    cwd: dir,
    env,
    stdio: ["ignore", opts.logFile ? openSync(opts.logFile, "w") : "ignore", "inherit"],
  });
  await waitFor(`${origin}/api/health`, child, 60_000);
  const app: App = {
    origin,
    pid: child.pid ?? 0,
    cookie: "",
    fetch: (path, init = {}) =>
      fetch(`${origin}${path}`, {
        ...init,
        headers: { ...(app.cookie ? { cookie: app.cookie } : {}), ...init.headers },
      }),
    rssBytes: () => treeRss(child.pid ?? 0),
    cpuMs: () => treeCpuMs(child.pid ?? 0),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
  return app;
}

/** Signs in as `username` (the bench user, or one of startApp's `users`): its cookie header. */
export async function login(app: App, username = BENCH_USER): Promise<string> {
  const res = await fetch(`${app.origin}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app.origin },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (res.status !== 204) throw new Error(`login failed: HTTP ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** Logs in when the API asks for a session (401); the cookie then rides on every request. */
export async function ensureSession(app: App): Promise<boolean> {
  const probe = await app.fetch("/api/reports?start=2020-01-01&end=2020-01-01");
  await probe.arrayBuffer();
  if (probe.status !== 401) return false;
  app.cookie = await login(app);
  return true;
}
