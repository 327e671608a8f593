// Prints a scrypt hash for DASHBOARD_USERS: `npm run --silent hash-password -- <password>`.
import { hashPassword } from "../lib/auth/password";

const password = process.argv[2];
if (!password) {
  console.error("usage: npm run --silent hash-password -- <password>");
  process.exit(2);
}
process.stdout.write(`${hashPassword(password)}\n`);
