// Starts scripts/bench/sim-process.ts as a child process and talks to its bench-only paths.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import type { SimulatorStats } from "@/lib/simulator";

export type SimProcess = {
  url: string;
  key: string;
  secret: string;
  stats(): Promise<SimulatorStats>;
  reset(): Promise<void>;
  stop(): Promise<void>;
};

export async function startSim(opts: {
  ordersPerDay: number;
  latencyMs: number;
  jitterMs: number;
}): Promise<SimProcess> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/bench/sim-process.ts",
      "--orders-per-day",
      String(opts.ordersPerDay),
      "--latency",
      String(opts.latencyMs),
      "--jitter",
      String(opts.jitterMs),
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout });
    rl.once("line", resolve);
    child.once("exit", (code) =>
      reject(new Error(`simulator exited (${code}) before it listened`)),
    );
  });
  const info = JSON.parse(line) as { url: string; key: string; secret: string };
  const origin = new URL(info.url).origin;
  return {
    ...info,
    stats: async () => (await (await fetch(`${origin}/__bench/stats`)).json()) as SimulatorStats,
    reset: async () => void (await fetch(`${origin}/__bench/reset`)).arrayBuffer(),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
