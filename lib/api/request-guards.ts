// Guards for state-changing routes: same-origin only, JSON bodies of bounded size.
import "server-only";
import type { z } from "zod";
import { env } from "@/lib/env";
import { readForwarded } from "@/lib/security/forwarded";
import { ApiError } from "./api-error";

const MAX_BODY_BYTES = 4096;

export function assertSameOrigin(request: Request): void {
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const { host } = readForwarded(request.headers, env().trustProxy);
  let ok = site === "same-origin" || site === "none";
  if (!site && origin) {
    try {
      ok = origin !== "null" && new URL(origin).host === host;
    } catch {
      ok = false;
    }
  }
  if (!ok)
    throw new ApiError(
      "forbidden",
      "This request must come from the dashboard's own pages (same origin).",
    );
}

/** The body as JSON, at most `maxBytes` long; 400 invalid_query otherwise. */
export async function readJsonBody(
  request: Request,
  maxBytes: number = MAX_BODY_BYTES,
): Promise<unknown> {
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? ""))
    throw new ApiError("invalid_query", "Send the body as JSON (Content-Type: application/json).");
  const tooLarge = () =>
    new ApiError("invalid_query", `The body is larger than ${maxBytes} bytes; send less at once.`);
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw tooLarge();
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new ApiError("invalid_query", "The body is not valid JSON.");
  }
}

/** The body as JSON, parsed by `schema`; its first issue is the 400 invalid_query's message. */
export async function parseJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  maxBytes?: number,
): Promise<z.output<S>> {
  return checkBody(schema, await readJsonBody(request, maxBytes));
}

/** A body already read, checked against `schema`: a 400 with the schema's first message if not. */
export function checkBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues[0]?.message ?? "The body is not what this route takes.";
  throw new ApiError("invalid_query", /[.!?]$/.test(message) ? message : `${message}.`);
}

/** The client's address: the connection's, or what the TRUST_PROXY trusted proxies say. */
export function clientAddress(request: Request): string {
  return readForwarded(request.headers, env().trustProxy).address;
}
