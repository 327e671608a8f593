// A follow-up list: the recipients of every order of a report selection whose message has one of
// the chosen statuses, one row per phone number. What POST /api/followups reads beyond the
// report's own filters, the limits it checks first, and what the job's status poll answers.
// Safe for the browser.
import { z } from "zod";
import { codeListParam, flagParam, InvalidQueryError, parseParams } from "./query-params";
import { MESSAGE_STATUSES, type MessageStatus } from "./statuses";

/** Orders one list may walk: more is a 400 asking for a narrower selection. */
export const FOLLOWUP_MAX_ORDERS = 500;
/**
 * Messages with the chosen statuses one list may take, by the orders' counters (checked before
 * any get-report call): bounds the job's memory, its walk and the file kept in the store.
 */
export const FOLLOWUP_MAX_MESSAGES = 250_000;
/** Without messageStatus: the undelivered (112). */
export const DEFAULT_FOLLOWUP_STATUSES: readonly MessageStatus[] = [112];

// Built on first use, as the other query schemas: the report page imports this module's limits.
const buildSchema = () =>
  z.object({
    messageStatus: codeListParam("messageStatus", MESSAGE_STATUSES),
    reveal: flagParam("reveal"),
  });
let schema: ReturnType<typeof buildSchema> | undefined;

export type FollowupOptions = { messageStatus: MessageStatus[]; reveal: boolean };

/** messageStatus (default undelivered) and reveal; throws InvalidQueryError. */
export function parseFollowupOptions(params: URLSearchParams): FollowupOptions {
  schema ??= buildSchema();
  const { messageStatus, reveal } = parseParams(schema, params, ["reveal"], ["messageStatus"]);
  return {
    messageStatus: messageStatus.length ? messageStatus : [...DEFAULT_FOLLOWUP_STATUSES],
    reveal,
  };
}

/** The report filters a list's audit target names, as the link gave them. */
const FILTERS = ["label", "sender", "status", "q", "minMessages", "weekday", "hour"] as const;

/**
 * What a list is of, for the audit log:
 * `follow-up 2026-11-01..2026-11-27 label=Bayram 2026, statuses 111,112`.
 */
export function followupTarget(
  range: { start: string; end: string },
  params: URLSearchParams,
  options: FollowupOptions,
): string {
  const filters = FILTERS.flatMap((key) => {
    const values = params.getAll(key).filter(Boolean);
    return values.length ? [`${key}=${values.join(",")}`] : [];
  });
  return `follow-up ${range.start}..${range.end}${filters.length ? ` ${filters.join(" ")}` : ""}, statuses ${options.messageStatus.join(",")}`;
}

/** A job id as POST /api/followups answers it (32 hex digits); throws InvalidQueryError. */
export function followupId(id: string): string {
  if (!/^[0-9a-f]{32}$/.test(id))
    throw new InvalidQueryError(
      "id",
      "id must be the 32-character id POST /api/followups answered.",
    );
  return id;
}

/** GET /api/followups/{id} (and the 202 of POST /api/followups). */
export type FollowupResponse = {
  id: string;
  status: "running" | "done" | "failed";
  /** The orders to walk (those whose counters may hold a chosen status) and how many are done. */
  orders: { total: number; done: number };
  /** Distinct phone numbers so far. */
  recipients: number;
  error: { code: string; message: string } | null;
  /** The finished file: GET /api/followups/{id}/file. */
  file: { name: string; bytes: number } | null;
  /** ISO instant after which the job and its file are gone. */
  expiresAt: string;
};
