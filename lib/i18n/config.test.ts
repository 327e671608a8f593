import { describe, expect, it } from "vitest";
import { interpolate, negotiateLocale, pluralForm, type Plural } from "./config";
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

describe("pluralForm", () => {
  const fill = (locale: "en" | "tr", forms: Plural, count: number) =>
    interpolate(pluralForm(locale, forms, count), { count });
  it.each([
    [0, "0 senders"],
    [1, "1 sender"],
    [2, "2 senders"],
    [1.5, "1.5 senders"],
  ])("English: %s → %s", (count, text) => {
    expect(fill("en", en.table.nSenders, count)).toBe(text);
  });
  it("Turkish keeps the noun singular after any number", () => {
    expect([1, 3].map((n) => fill("tr", tr.table.nSenders, n))).toEqual([
      "1 gönderici",
      "3 gönderici",
    ]);
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

  it("English counts have a singular and a plural form; Turkish says the same in both", () => {
    const plurals = [...enLeaves.keys()]
      .filter((k) => k.endsWith(".one"))
      .map((k) => k.slice(0, -4));
    expect(plurals.length).toBeGreaterThan(5);
    for (const key of plurals) {
      expect(enLeaves.get(`${key}.one`), key).not.toBe(enLeaves.get(`${key}.other`));
      expect(trLeaves.get(`${key}.one`), key).toBe(trLeaves.get(`${key}.other`));
    }
  });

  it("no English text puts a bare count before a plural noun", () => {
    // "{count} senders" reads "1 senders"; such a text needs { one, other }. Exceptions: a count
    // that is never 1 where it is shown.
    const allowed = new Set(["charts.senders.more"]);
    const bare = [...enLeaves]
      .filter(([k]) => !/\.(one|other)$/.test(k) && !allowed.has(k))
      .filter(([, v]) => /\{\w+\} (days|orders|messages|senders|recipients)\b/.test(v));
    expect(bare.map(([k]) => k)).toEqual([]);
  });

  it("Turkish is translated, not copied (apart from names)", () => {
    const same = [...trLeaves].filter(
      ([k, v]) => enLeaves.get(k) === v && !/languageNames|tagline/.test(k),
    );
    expect(same.map(([k]) => k)).toEqual([]);
  });
});
