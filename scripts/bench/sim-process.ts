// The simulator as its own process for the benchmark, so its CPU is not the engine's: the real
// HTTP front of lib/simulator plus two bench-only paths (stats, reset). Prints one JSON line.
import { createSimulator, type Simulator } from "@/lib/simulator";
import { startSimulatorServer } from "@/lib/simulator/server";

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const raw = i >= 0 ? process.argv[i + 1] : undefined;
  return raw === undefined ? fallback : Number(raw);
}

async function main(): Promise<void> {
  const sim = createSimulator({
    ordersPerDay: flag("orders-per-day", 300),
    latencyMs: flag("latency", 50),
    jitterMs: flag("jitter", 10),
    seed: flag("seed", 1),
  });
  const front: Simulator = Object.create(sim) as Simulator;
  front.handle = async (request) => {
    const path = new URL(request.url).pathname;
    if (path === "/__bench/stats") return Response.json(sim.stats());
    if (path === "/__bench/reset") {
      sim.resetStats();
      return Response.json(sim.stats());
    }
    return sim.handle(request);
  };
  const server = await startSimulatorServer(front, { port: flag("port", 0) });
  const { key, secret } = sim.credentials();
  console.log(JSON.stringify({ url: server.url, key, secret }));
  const stop = () => void server.close().finally(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

void main();
