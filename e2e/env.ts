// Where the e2e servers listen and the clock they share. Imported by playwright.config.ts and the specs.
import { istanbulToday } from "@/lib/dates";

const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

export const SIM_PORT = port("E2E_SIM_PORT", 4010);
export const SLOW_SIM_PORT = port("E2E_SLOW_SIM_PORT", 4011);
/** The app in live mode against the simulator. */
export const APP_PORT = port("E2E_APP_PORT", 3100);
/** The same app with credentials the simulator rejects (401). */
export const BAD_AUTH_PORT = port("E2E_BAD_AUTH_PORT", 3101);
/** The app against a slow simulator, for the progress test. */
export const SLOW_APP_PORT = port("E2E_SLOW_APP_PORT", 3102);

export const appUrl = (p: number) => `http://127.0.0.1:${p}`;

/** Istanbul "today" when the run started; the simulator's clock stands at 14:30 that day (busy hour). */
export const E2E_TODAY = process.env.E2E_TODAY ?? istanbulToday(new Date());
export const E2E_NOW = `${E2E_TODAY}T14:30:00+03:00`;

/** The signed-in session saved by auth.setup.ts; contexts a spec opens itself load it too. */
export const STORAGE_STATE = "playwright/.auth/user.json";

/** The e2e user is an admin (reveals, the audit log); the viewer sees reports only. */
export const E2E_USER = { username: "e2e", password: "e2e-password-0123" };
export const E2E_VIEWER = { username: "vera", password: "vera-password-0123" };
export const SESSION_SECRET = "e2e-session-secret-0123456789-abcdefghij";

/** Distinctive fake credentials for the secret-hygiene spec: they must never show up anywhere. */
export const CANARY = {
  key: "canarykey7f3a9c51d2e8b4",
  secret: "canary-secret-51d2e8b4-7f3a9c",
  sessionSecret: "canary-session-secret-0b9e4c7a2f6d1e8b3a5c",
  // package.json's build:e2e builds with these same values, so the bundle scan means something.
};
