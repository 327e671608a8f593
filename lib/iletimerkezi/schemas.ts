// Tolerant where the contract is unknown (numbers as strings, decimal commas), strict where it
// matters: a missing counter is an error, never a zero.
import { z } from "zod";
import type { UpstreamOrder } from "./types";

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
