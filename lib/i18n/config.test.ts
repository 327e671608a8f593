import { describe, expect, it } from "vitest";
import { interpolate, negotiateLocale } from "./config";
import { en } from "./dictionaries/en";
import { tr } from "./dictionaries/tr";

describe("negotiateLocale", () => {
  it.each([
    [undefined, "tr-TR,tr;q=0.9,en;q=0.8", "tr"],
    [undefined, "en-US,en;q=0.9", "en"],
    [undefined, "de-DE,en;q=0.5,tr;q=0.7", "tr"],
    [undefined, "fr-FR", "tr"],
    [undefined, null, "tr"],
    ["en", "tr-TR", "en"],
    ["xx", "en-GB", "en"],
    [undefined, "en;q=0,tr;q=0.1", "tr"],
  ] as const)("cookie %s, Accept-Language %s → %s", (cookie, header, expected) => {
    expect(negotiateLocale(cookie, header)).toBe(expected);
  });
});

describe("interpolate", () => {
  it("fills known placeholders and leaves unknown ones", () => {
    expect(interpolate("{done} / {total} {x}", { done: 3, total: 7 })).toBe("3 / 7 {x}");
  });
});

type Tree = { [key: string]: string | Tree };
function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string"
      ? [[`${prefix}${k}`, v] as [string, string]]
      : leaves(v, `${prefix}${k}.`),
  );
}

describe("dictionaries", () => {
  const enLeaves = new Map(leaves(en as Tree));
  const trLeaves = new Map(leaves(tr as Tree));

  it("Turkish has every English key and no empty string", () => {
    expect([...trLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
    for (const [key, value] of trLeaves) expect(value.trim(), key).not.toBe("");
  });

  it("both languages use the same placeholders per string", () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of enLeaves)
      expect(names(trLeaves.get(key) ?? ""), key).toEqual(names(value));
  });

  it("Turkish is translated, not copied (apart from names)", () => {
    const same = [...trLeaves].filter(
      ([k, v]) => enLeaves.get(k) === v && !/languageNames|tagline/.test(k),
    );
    expect(same.map(([k]) => k)).toEqual([]);
  });
});
