// Validates the configuration once at start-up: a bad or incomplete setup stops the server with
// one line that names the variable.
import { env } from "./env";

try {
  const config = env();
  console.log(
    JSON.stringify({ event: "start", mode: config.mode, time: new Date().toISOString() }),
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
