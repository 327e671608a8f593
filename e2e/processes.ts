// Servers a spec starts itself (beside the config's web servers): each in its own process group,
// stopped with every child it forked; its output collected when asked.
import { spawn, type ChildProcess } from "node:child_process";

export type Started = { child: ChildProcess; output: () => string };

export function start(command: string, args: string[], env: Record<string, string> = {}): Started {
  let output = "";
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  return { child, output: () => output };
}

/** The simulator (scripts/simulator.ts) on a port, its clock at the run's E2E_NOW, plus flags. */
export function startSimulator(port: number, now: string, flags: string[] = []): Started {
  return start(process.execPath, [
    "--import",
    "tsx",
    "scripts/simulator.ts",
    "--port",
    String(port),
    "--now",
    now,
    ...flags,
  ]);
}

/** The built app as `npm start` serves it (scripts/server.mjs), on 127.0.0.1:port. */
export function startApp(port: number, env: Record<string, string>): Started {
  return start(process.execPath, ["scripts/server.mjs", "-p", String(port)], env);
}

/** Ends the process group (SIGTERM), or kills it outright (SIGKILL: a crash). */
export function stop(started: Started | undefined, signal: NodeJS.Signals = "SIGTERM") {
  const child = started?.child;
  if (child?.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  }
}

/** A stale process on a port would answer in place of the one a spec starts. */
export async function assertFree(port: number) {
  const answered = await fetch(`http://127.0.0.1:${port}/`).then(
    () => true,
    () => false,
  );
  if (answered) throw new Error(`port ${port} is already in use: stop what listens there`);
}

export async function waitFor(url: string) {
  for (let i = 0; i < 240; i++) {
    try {
      const res = await fetch(url, { method: "POST" });
      if (res.status > 0) return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`${url} did not come up`);
}
