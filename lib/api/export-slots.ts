// At most EXPORTS_PER_USER exports at once per signed-in user, across both export routes. A slot
// is taken before the export's work starts (a cold range is walked first) and given back when its
// stream ends, fails or is cancelled by the client (Next cancels the body when the connection
// closes); a third export meanwhile answers 429 `too_many_reports` with Retry-After. Counted per
// process, as what it bounds is: this process's memory and upstream work for one user's downloads.
import "server-only";
import { ApiError } from "./api-error";

export const EXPORTS_PER_USER = 2;
/** What a refused export is told to wait: a year's orders CSV streams in about a second. */
const RETRY_AFTER_SECONDS = 5;

type Body = ReadableStream<Uint8Array>;

export class ExportSlots {
  private readonly running = new Map<string, number>();

  constructor(private readonly perUser = EXPORTS_PER_USER) {}

  /** How many exports the user has running. */
  count(user: string): number {
    return this.running.get(user) ?? 0;
  }

  /**
   * Runs `open` under one of the user's slots and returns its stream, which gives the slot back
   * when it ends, fails or is cancelled; if `open` fails, the slot is given back at once. Throws
   * 429 `too_many_reports` (with Retry-After) when all of the user's slots are taken.
   */
  async stream(user: string, open: () => Promise<Body>): Promise<Body> {
    const release = this.take(user);
    try {
      return releasing(await open(), release);
    } catch (error) {
      release();
      throw error;
    }
  }

  private take(user: string): () => void {
    const held = this.count(user);
    if (held >= this.perUser)
      throw new ApiError(
        "too_many_reports",
        `You already have ${held} ${held === 1 ? "export" : "exports"} running; wait for one to finish.`,
        undefined,
        { "retry-after": String(RETRY_AFTER_SECONDS) },
      );
    this.running.set(user, held + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = this.count(user) - 1;
      if (left > 0) this.running.set(user, left);
      else this.running.delete(user);
    };
  }
}

/** `source` read through, one chunk per read (no buffering ahead), calling `release` once at its end. */
function releasing(source: Body, release: () => void): Body {
  const reader = source.getReader();
  let cancelled = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (error) {
          release();
          throw error;
        }
        if (cancelled) return;
        if (chunk.done) {
          release();
          controller.close();
        } else controller.enqueue(chunk.value);
      },
      cancel(reason) {
        cancelled = true;
        release();
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

// On globalThis: Next bundles each route with its own copy of this module, and both export routes
// must count against the same slots (dev-mode reloads keep them too).
const holder = globalThis as typeof globalThis & { __exportSlots?: ExportSlots };

/** The process's export slots. */
export function exportSlots(): ExportSlots {
  holder.__exportSlots ??= new ExportSlots();
  return holder.__exportSlots;
}
