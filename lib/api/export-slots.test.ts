import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error";
import { EXPORTS_PER_USER, ExportSlots } from "./export-slots";

/** A stream of `chunks` byte arrays that counts its pulls and records a cancel. */
function source(chunks: number, failAt?: number) {
  const seen = { pulls: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        seen.pulls++;
        if (seen.pulls === failAt) throw new Error("upstream gave up");
        if (seen.pulls > chunks) controller.close();
        else controller.enqueue(new Uint8Array([seen.pulls]));
      },
      cancel() {
        seen.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, seen };
}

const open = (s: ReturnType<typeof source>) => () => Promise.resolve(s.stream);
const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

async function refusal(slots: ExportSlots, user: string): Promise<ApiError> {
  const error = await slots.stream(user, open(source(1))).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error("the export was not refused");
  return error;
}

describe("ExportSlots", () => {
  it(`lets a user run ${EXPORTS_PER_USER} exports at once and refuses the next with 429 too_many_reports`, async () => {
    const slots = new ExportSlots();
    const held = [];
    for (let k = 0; k < EXPORTS_PER_USER; k++)
      held.push(await slots.stream("ayse", open(source(3))));
    const error = await refusal(slots, "ayse");
    expect(error).toMatchObject({ code: "too_many_reports", status: 429 });
    expect(error.headers["retry-after"]).toMatch(/^\d+$/);
    expect(error.message).toBe(
      `You already have ${EXPORTS_PER_USER} exports running; wait for one to finish.`,
    );
    // Another user is not held back.
    await new Response(await slots.stream("mehmet", open(source(2)))).arrayBuffer();
    expect(slots.count("ayse")).toBe(EXPORTS_PER_USER);
    expect(slots.count("mehmet")).toBe(0);
    for (const s of held) await s.cancel();
  });

  it("gives the slot back when the stream is read to its end, once", async () => {
    const slots = new ExportSlots(1);
    const s = source(3);
    const reader = (await slots.stream("ayse", open(s))).getReader();
    expect(slots.count("ayse")).toBe(1);
    const got: number[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) got.push(...r.value);
    expect(got).toEqual([1, 2, 3]);
    expect(slots.count("ayse")).toBe(0);
    await reader.cancel(); // after its end: nothing more to give back
    const again = await slots.stream("ayse", open(source(1)));
    expect(slots.count("ayse")).toBe(1);
    expect((await refusal(slots, "ayse")).message).toBe(
      "You already have 1 export running; wait for one to finish.",
    );
    await again.cancel();
    expect(slots.count("ayse")).toBe(0);
  });

  it("gives the slot back when the client cancels, and cancels the export's own stream", async () => {
    const slots = new ExportSlots(1);
    const s = source(100);
    const reader = (await slots.stream("ayse", open(s))).getReader();
    await reader.read();
    await reader.cancel("client went away");
    expect(s.seen.cancelled).toBe(true);
    expect(slots.count("ayse")).toBe(0);
  });

  it("gives the slot back when the stream fails, or when the export fails before it starts", async () => {
    const slots = new ExportSlots(1);
    const reader = (await slots.stream("ayse", open(source(5, 2)))).getReader();
    await reader.read();
    await expect(reader.read()).rejects.toThrow("upstream gave up");
    expect(slots.count("ayse")).toBe(0);
    await expect(
      slots.stream("ayse", () => Promise.reject(new Error("no such order"))),
    ).rejects.toThrow("no such order");
    expect(slots.count("ayse")).toBe(0);
  });

  it("reads the export's stream only as the client reads (no chunk made ahead)", async () => {
    const slots = new ExportSlots();
    const s = source(100);
    const reader = (await slots.stream("ayse", open(s))).getReader();
    await tick();
    expect(s.seen.pulls).toBe(0);
    await reader.read();
    await reader.read();
    await tick();
    expect(s.seen.pulls).toBe(2);
    await reader.cancel();
  });
});
