// Runs once when the server starts: see lib/startup.ts.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./lib/startup");
}
