// Runs the fake iletiMerkezi over HTTP: `npm run simulator -- --port 4010 --latency 50 --seed 1`.
// Prints one line with its base URL and the demo credentials; stops on SIGINT/SIGTERM.
import { parseArgs } from "node:util";
import { createSimulator, type SimulatorOptions } from "@/lib/simulator";
import { startSimulatorServer } from "@/lib/simulator/server";

type Kind = "int" | "number" | "string" | "bool" | "rate";
// flag → [option, kind]; every scalar knob of SimulatorOptions has one.
const FLAGS: Record<string, [string, Kind]> = {
  seed: ["seed", "int"],
  key: ["key", "string"],
  secret: ["secret", "string"],
  "orders-per-day": ["ordersPerDay", "number"],
  "page-size": ["pageSize", "int"],
  "count-mode": ["countMode", "string"],
  "max-gap-days": ["maxGapDays", "int"],
  "mirror-http-status": ["mirrorHttpStatus", "bool"],
  "numbers-as-strings": ["numbersAsStrings", "bool"],
  sort: ["sort", "string"],
  "duplicate-across-pages": ["duplicateAcrossPages", "bool"],
  "endless-paging": ["endlessPaging", "bool"],
  "invented-paging": ["inventedPaging", "bool"],
  "oversized-page": ["oversizedPage", "int"],
  latency: ["latencyMs", "number"],
  jitter: ["jitterMs", "number"],
  "hang-ms": ["hangMs", "number"],
  "fault-unavailable": ["unavailable", "rate"],
  "fault-http500": ["http500", "rate"],
  "fault-timeout": ["timeout", "rate"],
  "fault-malformed": ["malformed", "rate"],
  "balance-format": ["balanceFormat", "string"],
  "senders-format": ["sendersFormat", "string"],
};
// The script's own flags: where to listen and how the clock runs.
const OWN_FLAGS: Record<string, Kind> = {
  port: "int",
  host: "string",
  now: "string",
  clock: "string",
  help: "bool",
};
const KINDS: Record<string, Kind> = {
  ...Object.fromEntries(Object.entries(FLAGS).map(([flag, [, kind]]) => [flag, kind])),
  ...OWN_FLAGS,
};

const USAGE = `usage: npm run simulator -- [--port 4010] [--host 127.0.0.1] [--now <ISO instant>] [--clock fixed|running]
  ${Object.keys(FLAGS)
    .map((f) => `--${f}`)
    .join(" ")}
  --now pins the clock (fixed); --clock running lets it tick on from --now.`;

function die(message: string): never {
  console.error(`simulator: ${message}\n${USAGE}`);
  process.exit(2);
}

/** Flag → raw value. A boolean flag alone means true; it also takes a word: --flag false, --flag=no. */
function parseArgv(argv: string[]): Map<string, string> {
  // parseArgs gives booleans no value, so --flag=word becomes --flag word, read from the tokens below.
  const args = argv.flatMap((arg) => {
    const [, name = "", word] = /^--([^=]+)=(.*)$/s.exec(arg) ?? [];
    return KINDS[name] === "bool" && word !== undefined ? [`--${name}`, word] : [arg];
  });
  const options = Object.fromEntries(
    Object.entries(KINDS).map(([flag, kind]) => [
      flag,
      { type: kind === "bool" ? ("boolean" as const) : ("string" as const) },
    ]),
  );
  let tokens;
  try {
    ({ tokens } = parseArgs({ args, options, strict: true, allowPositionals: true, tokens: true }));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // Its own hint (put the flag after --) does not apply here: this script takes no positionals.
    const unknown = /^Unknown option '([^']*)'/.exec(message);
    die(unknown ? `unknown flag ${unknown[1]}` : message);
  }
  const out = new Map<string, string>();
  let bare: string | undefined; // a boolean flag that may take the next word as its value
  for (const token of tokens) {
    if (token.kind === "option") {
      out.set(token.name, token.value ?? "true");
      bare = KINDS[token.name] === "bool" ? token.name : undefined;
    } else if (token.kind === "positional" && bare !== undefined) {
      out.set(bare, token.value);
      bare = undefined;
    } else {
      die(`unexpected argument ${token.kind === "positional" ? token.value : "--"}`);
    }
  }
  return out;
}

function value(flag: string, raw: string, kind: Kind): unknown {
  if (kind === "string") return raw;
  if (kind === "bool") {
    if (["true", "1", "yes"].includes(raw)) return true;
    if (["false", "0", "no"].includes(raw)) return false;
    die(`--${flag} takes true or false`);
  }
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(n) || (kind === "int" && !Number.isInteger(n)))
    die(`--${flag} takes a number`);
  return n;
}

async function main(): Promise<void> {
  const args = parseArgv(process.argv.slice(2));
  if (args.has("help")) {
    console.log(USAGE);
    return;
  }
  const options: Record<string, unknown> = {};
  const faultRates: Record<string, number> = {};
  for (const [flag, raw] of args) {
    const spec = FLAGS[flag];
    if (!spec) continue;
    const [option, kind] = spec;
    if (kind === "rate") faultRates[option] = value(flag, raw, "number") as number;
    else options[option] = value(flag, raw, kind);
  }
  const nowArg = args.get("now");
  if (nowArg !== undefined) {
    const start = new Date(nowArg);
    if (Number.isNaN(start.getTime()))
      die("--now takes an ISO instant, e.g. 2026-04-29T12:00:00+03:00");
    const clock = args.get("clock") ?? "fixed";
    if (clock !== "fixed" && clock !== "running") die("--clock takes fixed or running");
    const bootMs = Date.now();
    options.now =
      clock === "fixed"
        ? () => new Date(start)
        : () => new Date(start.getTime() + Date.now() - bootMs);
  }
  options.faultRates = faultRates;

  let sim;
  try {
    sim = createSimulator(options as Partial<SimulatorOptions>);
  } catch (err) {
    die((err instanceof Error ? err.message : String(err)).replace(/^simulator: /, ""));
  }
  const port = args.has("port") ? (value("port", args.get("port") ?? "", "int") as number) : 4010;
  const server = await startSimulatorServer(sim, { port, host: args.get("host") });
  const { key, hash } = sim.credentials();
  console.log(`iletiMerkezi simulator at ${server.url}  key=${key}  hash=${hash}`);

  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((err: unknown) => {
  console.error(`simulator: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
