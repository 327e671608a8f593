// The wire to iletiMerkezi: request envelope, timeouts, retries for transient failures, one fair
// scheduler of calls per account (scheduler.ts), and tolerant parsing into Upstream* types.
import "server-only";
import type { z } from "zod";
import { silent, type LogSink } from "@/lib/log";
import { UpstreamError, errorForCode, isRetryable } from "./errors";
import { hashFromSecret } from "./hash";
import { accountScheduler, SYSTEM_OWNER, type CallOwner } from "./scheduler";
import {
  balancePayloadSchema,
  envelopeSchema,
  reportPayloadSchema,
  reportsPayloadSchema,
  senderPayloadSchema,
} from "./schemas";
import type {
  GetReportParams,
  GetReportsParams,
  UpstreamBalance,
  UpstreamReport,
  UpstreamReportsPage,
} from "./types";

export type ClientConfig = {
  baseUrl: string;
  key: string;
  /** The panel's hash; or give `secret` and the hash is derived from it. */
  hash?: string;
  secret?: string;
  timeoutMs: number;
  concurrency: number;
  fetch?: typeof fetch;
  maxAttempts?: number;
  backoffMs?: number;
  log?: LogSink;
  /**
   * The account's budget shared with other instances (lib/store/upstream-slots.ts), taken inside
   * this process's own limit of `concurrency`.
   */
  shared?: <T>(task: () => Promise<T>) => Promise<T>;
  /** Whose process-wide limit the calls share: the key's by default (tests model two instances). */
  limiterScope?: string;
  /** Called per attempt, whatever its outcome (for progress and tests). */
  onAttempt?: (endpoint: string) => void;
};

/** Per call: whose work it is (for the scheduler's turns), and a signal that cancels it. */
type CallOptions = { owner?: CallOwner; signal?: AbortSignal };

export type IletimerkeziClient = {
  getReports(params: GetReportsParams, options?: CallOptions): Promise<UpstreamReportsPage>;
  getReport(params: GetReportParams, options?: CallOptions): Promise<UpstreamReport>;
  /** The account's lira and SMS credits; an unreadable value is null rather than an error. */
  getBalance(options?: CallOptions): Promise<UpstreamBalance>;
  /** The approved sender ids; entries that are not a sender name are dropped. */
  getSender(options?: CallOptions): Promise<string[]>;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createClient(config: ClientConfig): IletimerkeziClient {
  const hash = config.hash ?? (config.secret ? hashFromSecret(config.key, config.secret) : "");
  if (!hash) throw new Error("iletiMerkezi client needs a hash or a secret");
  const doFetch = config.fetch ?? fetch;
  const maxAttempts = config.maxAttempts ?? 3;
  const backoffMs = config.backoffMs ?? 300;
  const log = config.log ?? silent;
  const local = accountScheduler(config.limiterScope ?? config.key, config.concurrency);
  const { shared } = config;
  const limiter = <T>(owner: CallOwner, task: () => Promise<T>): Promise<T> =>
    local.run(owner, shared ? () => shared(task) : task);
  const base = config.baseUrl.replace(/\/+$/, "");

  async function once(endpoint: string, body: object, outer?: AbortSignal): Promise<unknown> {
    const signals = [AbortSignal.timeout(config.timeoutMs), ...(outer ? [outer] : [])];
    let res: Response;
    let text: string;
    try {
      res = await doFetch(`${base}/${endpoint}/json`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ request: { authentication: { key: config.key, hash }, ...body } }),
        signal: AbortSignal.any(signals),
      });
      text = await res.text();
    } catch (error) {
      if (outer?.aborted) throw error;
      const timedOut = error instanceof Error && error.name === "TimeoutError";
      throw new UpstreamError(
        "unavailable",
        timedOut
          ? `${endpoint} did not answer within ${config.timeoutMs} ms`
          : `${endpoint} could not be reached`,
        null,
        timedOut,
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      if (res.status >= 500)
        throw new UpstreamError("unavailable", `${endpoint} answered HTTP ${res.status}`);
      // A 200 whose body is not JSON was cut short or garbled on the way: worth another try.
      if (res.status === 200)
        throw new UpstreamError(
          "unavailable",
          `${endpoint} answered a body that is not JSON (HTTP 200, cut short or garbled)`,
        );
      throw new UpstreamError(
        "bad_response",
        `${endpoint} answered a body that is not JSON (HTTP ${res.status})`,
      );
    }
    // Branch on the code inside the body, not the HTTP status (they need not agree).
    const envelope = envelopeSchema.safeParse(json);
    if (!envelope.success) {
      if (res.status >= 500)
        throw new UpstreamError("unavailable", `${endpoint} answered HTTP ${res.status}`);
      throw new UpstreamError("bad_response", `${endpoint} answered without a status code`);
    }
    const { code } = envelope.data.response.status;
    if (code !== 200) throw errorForCode(code, endpoint);
    return envelope.data.response;
  }

  async function call<S extends z.ZodType>(
    endpoint: string,
    body: object,
    schema: S,
    context: Record<string, string | number>,
    { owner = SYSTEM_OWNER, signal }: CallOptions = {},
  ): Promise<z.output<S>> {
    for (let attempt = 1; ; attempt++) {
      let started = performance.now();
      let result = "200";
      let sent = false;
      try {
        const payload = await limiter(owner, () => {
          // Logged from here on: a call dropped from the queue was never made.
          sent = true;
          started = performance.now();
          config.onAttempt?.(endpoint);
          return once(endpoint, body, signal);
        });
        const parsed = schema.safeParse(payload);
        if (!parsed.success) {
          const path = parsed.error.issues[0]?.path.join(".") ?? "";
          throw new UpstreamError(
            "bad_response",
            `${endpoint} answered an unexpected shape at "${path}"`,
          );
        }
        return parsed.data;
      } catch (error) {
        result = UpstreamError.is(error) ? `${error.kind}:${error.code ?? "-"}` : "aborted";
        if (!isRetryable(error) || attempt >= maxAttempts || signal?.aborted || owner.abandoned)
          throw error;
      } finally {
        if (sent)
          log({
            event: "upstream",
            endpoint,
            ...context,
            attempt,
            result,
            durationMs: Math.round(performance.now() - started),
          });
      }
      // Exponential backoff with full jitter, outside the limiter so others can proceed.
      await sleep(backoffMs * 2 ** (attempt - 1) * (0.5 + Math.random()));
    }
  }

  return {
    getReports: ({ start, end, page }, options) =>
      call(
        "get-reports",
        { filter: { start, end, page } },
        reportsPayloadSchema,
        { start, end, page },
        options,
      ),
    getReport: ({ id, page, rowCount }, options) =>
      call(
        "get-report",
        { order: { id, page, rowCount } },
        reportPayloadSchema,
        { orderId: id, page },
        options,
      ).then((p) => p.order),
    getBalance: (options) => call("get-balance", {}, balancePayloadSchema, {}, options),
    getSender: (options) => call("get-sender", {}, senderPayloadSchema, {}, options),
  };
}
