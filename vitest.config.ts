import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // Next enforces "server-only" at build time; under vitest the import is a no-op.
      "server-only": fileURLToPath(new URL("./lib/testing/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    setupFiles: ["lib/testing/setup.ts"],
    testTimeout: 30_000,
    // A store a test opens without saying where lands in a folder of this run's, never ./data.
    env: { DATA_DIR: mkdtempSync(join(tmpdir(), "imr-vitest-")) },
  },
});
