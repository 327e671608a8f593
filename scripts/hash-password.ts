// Prints a scrypt hash for DASHBOARD_USERS: `npm run --silent hash-password`, the password read
// from standard input (asked for twice without echo at a terminal; the first line of a pipe), never
// from the command line, where the shell's history and `ps` would keep it. Prints the hash alone.
import { hashPasswordAsync } from "../lib/auth/password";

class InputError extends Error {}

/** Reads a line at the terminal without echoing it. */
function askHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = "";
    const done = (error?: Error) => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write("\n");
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n" || ch === "\u0004") return done();
        if (ch === "\u0003") return done(new InputError("interrupted"));
        if (ch === "\u007f" || ch === "\b") value = [...value].slice(0, -1).join("");
        else if (ch >= " ") value += ch;
      }
    };
    stdin.on("data", onData);
  });
}

/** The first line of what is piped in, without its line ending. */
async function firstLine(): Promise<string> {
  let text = "";
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes("\n")) break;
  }
  return text.split("\n")[0]!.replace(/\r$/, "");
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return firstLine();
  const first = await askHidden("Password: ");
  if (first && (await askHidden("Again: ")) !== first)
    throw new InputError("the two passwords differ");
  return first;
}

async function main(): Promise<number> {
  if (process.argv.length > 2) {
    console.error(
      "hash-password reads the password from standard input, not the command line:\n" +
        "  npm run --silent hash-password                      (asks for it)\n" +
        "  printf '%s\\n' \"$PASSWORD\" | npm run --silent hash-password",
    );
    return 2;
  }
  let password: string;
  try {
    password = await readPassword();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    console.error(`hash-password: ${error.message}; nothing printed.`);
    return 1;
  }
  if (!password) {
    console.error("hash-password: the password is empty; nothing printed.");
    return 2;
  }
  process.stdout.write(`${await hashPasswordAsync(password)}\n`);
  return 0;
}

process.exitCode = await main();
