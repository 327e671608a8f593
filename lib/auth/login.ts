// Sign-in: validated body, throttling (lib/auth/throttle.ts), then one constant-time password check
// off the event loop, whether or not the user exists.
import "server-only";
import { z } from "zod";
import { ApiError } from "@/lib/api/api-error";
import { logToStdout } from "@/lib/log";
import { needsRehash, PasswordBusyError, verifyPasswordAsync } from "./password";
import type { LoginThrottle } from "./throttle";
import { getUsers } from "./users-config";

const bodySchema = z.object({
  username: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(1000),
});

function inWords(seconds: number): string {
  return seconds < 60
    ? `${seconds} second${seconds === 1 ? "" : "s"}`
    : `${Math.ceil(seconds / 60)} minute(s)`;
}

/** Returns the username on success; throws 400, 401, 429 or 503 ApiErrors. */
export async function checkLogin(
  body: unknown,
  address: string,
  throttle: LoginThrottle,
): Promise<string> {
  const parsed = bodySchema.safeParse(body);
  if (!parsed.success)
    throw new ApiError(
      "invalid_query",
      "Send a JSON body with a username and a password (both non-empty text).",
    );
  const { username, password } = parsed.data;
  const wait = await throttle.retryAfter(username, address);
  if (wait > 0)
    throw new ApiError(
      "rate_limited",
      `Too many failed sign-ins. Try again in ${inWords(wait)}.`,
      429,
      { "retry-after": String(wait) },
    );
  const users = getUsers();
  const hash = users.get(username)?.hash;
  let ok: boolean;
  try {
    // The other hashes set the cost of the decoy an unknown name is checked against.
    ok = await verifyPasswordAsync(
      password,
      hash,
      [...users.values()].map((u) => u.hash),
    );
  } catch (error) {
    // The server's own load, not this client's doing: 503, not the 429 of too many failures.
    if (error instanceof PasswordBusyError)
      throw new ApiError(
        "rate_limited",
        "The server is busy checking other sign-ins. Try again in a few seconds.",
        503,
        { "retry-after": String(error.retryAfterS) },
      );
    throw error;
  }
  if (!ok) {
    await throttle.fail(username, address);
    throw new ApiError("invalid_credentials", "Wrong username or password.");
  }
  await throttle.succeed(username, address);
  // DASHBOARD_USERS is configuration: only the operator can replace a hash of an older cost.
  if (hash && needsRehash(hash))
    logToStdout({
      event: "password_rehash_needed",
      user: username,
      detail:
        "This user's hash in DASHBOARD_USERS has a lower scrypt cost than new ones; replace it with what `npm run --silent hash-password` prints for their password.",
    });
  return username;
}
