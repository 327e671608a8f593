// Tolerant where the contract is unknown (numbers as strings, decimal commas), strict where it
// matters: a missing counter is an error, never a zero.
import { z } from "zod";
import type { UpstreamBalance, UpstreamOrder } from "./types";

const int = z
  .union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^-?\d+$/),
  ])
  .transform(Number)
  .pipe(z.number().int().min(0).max(Number.MAX_SAFE_INTEGER));

const decimal = z
  .union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^-?\d+([.,]\d+)?$/),
  ])
  .transform((v) => (typeof v === "number" ? v : Number(v.replace(",", "."))));

const timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

const statusSchema = z.object({
  code: int,
  message: z.string().optional().default(""),
});

export const envelopeSchema = z.object({
  response: z.looseObject({ status: statusSchema }),
});

const orderShape = {
  id: int,
  status: int,
  total: int,
  delivered: int,
  undelivered: int,
  waiting: int,
  submitAt: timestamp,
  sendAt: timestamp.nullish(),
  sender: z.union([z.string(), z.number()]).transform(String),
};

const orderSchema = z
  .object(orderShape)
  .transform((o): UpstreamOrder => ({ ...o, sendAt: o.sendAt ?? o.submitAt }));

export const reportsPayloadSchema = z.object({
  count: int.nullish().transform((v) => v ?? null),
  // Absent or null orders end the walk like an empty list.
  orders: z
    .array(orderSchema)
    .nullish()
    .transform((v) => v ?? []),
});

const messageSchema = z.object({
  number: z.union([z.string(), z.number()]).transform(String),
  status: int,
});

export const reportPayloadSchema = z.object({
  order: z
    .object({
      ...orderShape,
      price: decimal.nullish(),
      message: z.array(messageSchema).nullish(),
    })
    .transform(({ price, message, ...o }) => ({
      order: { ...o, sendAt: o.sendAt ?? o.submitAt, price: price ?? null },
      messages: message ?? [],
    })),
});

// get-balance and get-sender: their shapes are only known from examples, so nothing in them fails
// the call. A value that cannot be read is null (a balance) or dropped (a sender), never a guess.

const NUMBER_TEXT = /^[+-]?\d[\d.,]*$/;

/**
 * A number as iletiMerkezi may write it: 1234.56, "1234.56", "1234,56", "1.234,56" (Turkish
 * grouping), "1,234.56", "1 234,56", with or without "TL"/"₺". With both separators the last one
 * is the decimal mark; a separator that repeats groups thousands. A lone separator is a decimal
 * mark, except in whole-number fields (credits) where one followed by exactly three digits groups
 * thousands ("5.432" credits is 5432). Anything else is null.
 */
export function readAmount(value: unknown, whole = false): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const text = value
    .replace(/(TL|TRY|₺)/gi, "")
    .replace(/[\s\u00a0\u202f']/g, "")
    .trim();
  if (!NUMBER_TEXT.test(text) || /[.,]$/.test(text)) return null;
  const dot = text.lastIndexOf(".");
  const comma = text.lastIndexOf(",");
  let normal: string;
  if (dot >= 0 && comma >= 0) {
    const [group, mark] = dot > comma ? [",", "."] : [".", ","];
    const [int = "", fraction = ""] = text.split(mark);
    if (text.split(mark).length !== 2 || !groupedWell(int, group)) return null;
    normal = `${int.split(group).join("")}.${fraction}`;
  } else if (dot >= 0 || comma >= 0) {
    const sep = dot >= 0 ? "." : ",";
    const parts = text.split(sep);
    const thousands = parts.length > 2 || (whole && parts.length === 2 && parts[1]?.length === 3);
    if (thousands) {
      if (!groupedWell(text, sep)) return null;
      normal = parts.join("");
    } else normal = parts.join(".");
  } else normal = text;
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}

/** "1.234.567" groups of three after the first; a sign is allowed in front. */
function groupedWell(int: string, sep: string): boolean {
  const [first = "", ...rest] = int.replace(/^[+-]/, "").split(sep);
  return /^\d{1,3}$/.test(first) || (rest.length === 0 && /^\d+$/.test(first))
    ? rest.every((g) => /^\d{3}$/.test(g))
    : false;
}

const record = (v: unknown): Record<string, unknown> | null =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

export const balancePayloadSchema = z.unknown().transform((payload): UpstreamBalance => {
  const box = record(record(payload)?.balance) ?? {};
  return { amount: readAmount(box.amount), sms: readAmount(box.sms, true) };
});

/** A sender id: 1–64 characters of text (a number is read as its digits). */
function senderName(value: unknown): string | null {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === "string") {
    const name = value.trim();
    return name.length >= 1 && name.length <= 64 && !/[\u0000-\u001f]/.test(name) ? name : null;
  }
  const obj = record(value);
  return obj ? senderName(obj.name ?? obj.sender ?? obj.title ?? null) : null;
}

export const senderPayloadSchema = z.unknown().transform((payload): string[] => {
  const top = record(payload);
  const senders = top?.senders ?? top?.sender;
  // Documented: {senders: {sender: [...]}}; also a bare list, a single name, or objects with a name.
  const inner = record(senders) ? (record(senders)?.sender ?? record(senders)?.senders) : senders;
  const list = Array.isArray(inner) ? inner : inner === undefined ? [] : [inner];
  const names = list.map(senderName).filter((n): n is string => n !== null);
  return [...new Set(names)];
});
