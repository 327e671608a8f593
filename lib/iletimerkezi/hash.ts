// The request hash from the account's secret. Kept apart from the client (server-only) so the
// secret-hygiene test can compute the same hash it scans for.
import { createHash, createHmac } from "node:crypto";

/** hash = lowercase hex HMAC-SHA256(secret, key), as an older client computed it. */
export function hashFromSecret(key: string, secret: string): string {
  return createHmac("sha256", secret).update(key).digest("hex");
}

/** A short, stable name for the account behind an API key, for keys in the store: never the key. */
export function accountFingerprint(key: string): string {
  return createHash("sha256").update(`iletimerkezi-account:${key}`).digest("hex").slice(0, 16);
}
