// The simulator as its own process for the benchmark, so its CPU is not the engine's: the real
// HTTP front of lib/simulator plus two bench-only paths (stats, reset). Prints one JSON line.
import { parseArgs } from "node:util";
import { createSimulator, type Simulator } from "@/lib/simulator";
import { startSimulatorServer } from "@/lib/simulator/server";

// Only scripts/bench/sim.ts starts this, so a bad flag is a bug there: parseArgs throws on it.
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    "orders-per-day": { type: "string", default: "300" },
    latency: { type: "string", default: "50" },
    jitter: { type: "string", default: "10" },
    seed: { type: "string", default: "1" },
    port: { type: "string", default: "0" },
  },
  strict: true,
});
const flag = (name: keyof typeof values): number => Number(values[name]);

async function main(): Promise<void> {
  const sim = createSimulator({
    ordersPerDay: flag("orders-per-day"),
    latencyMs: flag("latency"),
    jitterMs: flag("jitter"),
    seed: flag("seed"),
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
  const server = await startSimulatorServer(front, { port: flag("port") });
  const { key, secret } = sim.credentials();
  console.log(JSON.stringify({ url: server.url, key, secret }));
  const stop = () => void server.close().finally(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

void main();
