// Sign-in: validated body, throttling by username and address, constant-time verification.
import "server-only";
import { z } from "zod";
import { ApiError } from "@/lib/api/api-error";
import { authenticate } from "./users";
import { getUsers } from "./users-config";
import type { LoginThrottle } from "./throttle";

const bodySchema = z.object({
  username: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(1000),
});

/** Returns the username on success; throws 400, 401 or 429 ApiErrors. */
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
      `Too many failed sign-ins. Try again in ${Math.ceil(wait / 60)} minute(s).`,
      429,
      { "retry-after": String(wait) },
    );
  if (!authenticate(getUsers(), username, password)) {
    await throttle.fail(username, address);
    throw new ApiError("invalid_credentials", "Wrong username or password.");
  }
  await throttle.succeed(username);
  return username;
}
