// The embedded store is one process's: a lock file in DATA_DIR names the process that holds it,
// so a second instance on the same folder stops with a reason instead of corrupting the files.
// A lock left by a process that is gone (kill -9) is taken over.
import "server-only";
import { openSync, readFileSync, unlinkSync, writeSync, closeSync } from "node:fs";
import { join } from "node:path";
import { StoreError } from "./store-error";

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

const heldHere = new Set<string>();

/** Takes the folder for this process; returns the release. Throws StoreError when it is taken. */
export function holdDataDir(dir: string): () => void {
  const file = join(dir, "store.lock");
  if (heldHere.has(dir)) throw new StoreError(`DATA_DIR ${dir} is already open in this process`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldHere.add(dir);
      const release = () => {
        heldHere.delete(dir);
        try {
          if (readFileSync(file, "utf8") === String(process.pid)) unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EEXIST")
        throw new StoreError(`DATA_DIR ${dir} is not writable: ${(error as Error).message}`);
      const holder = Number(readFileSync(file, "utf8"));
      if (Number.isInteger(holder) && holder !== process.pid && alive(holder))
        throw new StoreError(
          `DATA_DIR ${dir} is in use by process ${holder}; several instances need DATABASE_URL (Postgres)`,
        );
      unlinkSync(file);
    }
  }
  throw new StoreError(`DATA_DIR ${dir}: its lock file cannot be taken`);
}
