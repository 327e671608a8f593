// Start-up: validates the configuration and opens (and migrates) the store. A bad setup stops
// the server with one line that says why.
import { env } from "./env";
import { startedByServer } from "./security/forwarded";
import { store } from "./server/store";

try {
  if (!startedByServer())
    throw new Error(
      "Start the dashboard with `npm start` (scripts/server.mjs), not `next start`: only it tells the app each client's address.",
    );
  const config = env();
  const opened = await store();
  console.log(
    JSON.stringify({
      event: "start",
      mode: config.mode,
      store: opened.kind,
      time: new Date().toISOString(),
    }),
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
