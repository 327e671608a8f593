import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { needsRehash, verifyPasswordAsync } from "@/lib/auth/password";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

function run(input: string, args: string[] = []) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "scripts/hash-password.ts", ...args],
      { cwd: ROOT, stdio: ["pipe", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe("npm run hash-password", () => {
  it("hashes the first line of a pipe, spaces kept, and prints the hash alone", async () => {
    const { code, stdout, stderr } = await run(" s3cret pass \r\nnot this line\n");
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toMatch(/^scrypt\.131072\.8\.1\.[\w-]+\.[\w-]+\n$/);
    const hash = stdout.trim();
    expect(await verifyPasswordAsync(" s3cret pass ", hash)).toBe(true);
    expect(await verifyPasswordAsync("not this line", hash)).toBe(false);
    expect(needsRehash(hash)).toBe(false);
  });

  it.each([
    ["nothing", ""],
    ["an empty line", "\n"],
  ])("refuses %s on standard input, printing nothing", async (_name, input) => {
    const { code, stdout, stderr } = await run(input);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/empty/);
  });

  it("refuses a password on the command line without reading or echoing it", async () => {
    const { code, stdout, stderr } = await run("", ["hunter2"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/standard input/);
    expect(stderr).not.toContain("hunter2");
  });
});
