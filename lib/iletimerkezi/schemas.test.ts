import { describe, expect, it } from "vitest";
import { balancePayloadSchema, readAmount, senderPayloadSchema } from "./schemas";

describe("readAmount: the forms a balance may take", () => {
  it.each([
    [1234.56, false, 1234.56],
    [0, false, 0],
    ["0", false, 0],
    ["1234.56", false, 1234.56],
    ["1234,56", false, 1234.56],
    ["1.234,56", false, 1234.56],
    ["1,234.56", false, 1234.56],
    ["1.234.567,89", false, 1234567.89],
    ["1 234,56", false, 1234.56],
    ["1\u00a0234,56", false, 1234.56],
    ["1.234,56 TL", false, 1234.56],
    ["₺1.234,56", false, 1234.56],
    [" 12,0000 ", false, 12],
    ["0,0000", false, 0],
    ["-12,50", false, -12.5],
    // A lone separator is a decimal mark in lira…
    ["1.234", false, 1.234],
    ["1,234", false, 1.234],
    // …but groups thousands in whole credits when three digits follow it.
    ["5.432", true, 5432],
    ["5,432", true, 5432],
    ["5432", true, 5432],
    ["5432.00", true, 5432],
    ["1.234.567", true, 1234567],
    ["1.234.567", false, 1234567],
  ] as const)("%j (whole: %s) → %d", (value, whole, expected) => {
    expect(readAmount(value, whole)).toBe(expected);
  });

  it.each([
    [undefined],
    [null],
    [""],
    ["  "],
    ["abc"],
    ["12a"],
    ["1e5"],
    ["1.2.3"],
    ["12.34,56"],
    ["1,23.4"],
    ["1.234,5,6"],
    ["1."],
    [","],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [true],
    [{ value: 1 }],
    [[1]],
  ])("%j → null", (value) => {
    expect(readAmount(value)).toBeNull();
    expect(readAmount(value, true)).toBeNull();
  });
});

describe("the get-balance payload", () => {
  it.each([
    [{ balance: { amount: "1.234,56", sms: "5.432" } }, { amount: 1234.56, sms: 5432 }],
    [{ balance: { amount: 99.5, sms: 12 } }, { amount: 99.5, sms: 12 }],
    [{ balance: { amount: "0", sms: "0" } }, { amount: 0, sms: 0 }],
    [{ balance: { sms: "10" } }, { amount: null, sms: 10 }],
    [{ balance: { amount: "n/a", sms: null } }, { amount: null, sms: null }],
    [{ balance: "1234" }, { amount: null, sms: null }],
    [{ balance: null }, { amount: null, sms: null }],
    [{}, { amount: null, sms: null }],
    [null, { amount: null, sms: null }],
  ])("%j → %j", (payload, expected) => {
    expect(balancePayloadSchema.parse(payload)).toEqual(expected);
  });
});

describe("the get-sender payload", () => {
  it.each([
    [{ senders: { sender: ["eMarka", "BILGI"] } }, ["eMarka", "BILGI"]],
    [{ senders: { sender: "eMarka" } }, ["eMarka"]],
    [{ senders: ["eMarka", "BILGI"] }, ["eMarka", "BILGI"]],
    [{ senders: "eMarka" }, ["eMarka"]],
    [
      { senders: { sender: [{ name: "eMarka" }, { sender: "BILGI" }, { title: "ACME" }] } },
      ["eMarka", "BILGI", "ACME"],
    ],
    [
      {
        senders: { sender: [" eMarka ", "", "eMarka", null, 42, {}, ["x"], true, "x".repeat(65)] },
      },
      ["eMarka", "42"],
    ],
    [{ senders: { sender: [] } }, []],
    [{ senders: null }, []],
    [{ senders: {} }, []],
    [{}, []],
    [null, []],
  ])("%j → %j", (payload, expected) => {
    expect(senderPayloadSchema.parse(payload)).toEqual(expected);
  });
});
