// The house rules of the layout, checked on the source itself so a change that breaks one fails
// here rather than in review: what may import what, and which modules stay on the server.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const importsOf = (file: string) =>
  [
    ...readFileSync(join(ROOT, file), "utf8").matchAll(
      /^\s*(?:import|export)[^;]*?from\s+"([^"]+)"|^\s*import\s+"([^"]+)"/gm,
    ),
  ].map((m) => (m[1] ?? m[2]) as string);

/** Imports of `dir`'s files that resolve into `target` (by alias or relative path). */
function crossings(dir: string, target: string): string[] {
  return sources(dir).flatMap((file) =>
    importsOf(file)
      .map((spec) =>
        spec.startsWith("@/")
          ? spec.slice(2)
          : spec.startsWith(".")
            ? relative(ROOT, join(ROOT, file, "..", spec))
            : spec,
      )
      .filter((path) => path === target || path.startsWith(`${target}/`))
      .map((path) => `${file} → ${path}`),
  );
}

describe("the layout", () => {
  it("keeps the engine and the contract free of the simulator", () => {
    expect(crossings("lib/reports", "lib/simulator")).toEqual([]);
  });

  it("lets the simulator model iletiMerkezi on its own, without the client's wire code", () => {
    expect(crossings("lib/simulator", "lib/iletimerkezi")).toEqual([]);
  });

  it("keeps the browser-safe contract away from the engine, the server and the wire", () => {
    for (const target of [
      "lib/reports/engine",
      "lib/server",
      "lib/iletimerkezi",
      "lib/env.ts",
      "lib/env",
    ])
      expect(crossings("lib/reports/contract", target)).toEqual([]);
    expect(
      sources("lib/reports/contract").filter((f) => importsOf(f).includes("server-only")),
    ).toEqual([]);
  });

  it("marks every engine, server and wire module server-only", () => {
    const files = [
      ...sources("lib/reports/engine"),
      ...sources("lib/server"),
      ...sources("lib/store").filter((f) => !f.endsWith("schema.ts")),
      "lib/iletimerkezi/client.ts",
      "lib/env.ts",
    ];
    expect(files.filter((f) => !importsOf(f).includes("server-only"))).toEqual([]);
  });

  it("has one composition root: only lib/server builds the engine or picks the simulator", () => {
    const builders = ["app", "components", "lib"].flatMap((dir) =>
      sources(dir).filter(
        (f) =>
          !f.startsWith("lib/server/") &&
          !f.startsWith("lib/testing/") &&
          importsOf(f).some(
            (spec) => spec === "@/lib/simulator" || spec === "@/lib/reports/engine/engine",
          ),
      ),
    );
    expect(builders).toEqual([]);
  });
});
