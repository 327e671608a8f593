import { describe, expect, it } from "vitest";
import { turnQueue } from "./turn-queue";

/** A queue whose "later tasks" run only when the test says so. */
function harness() {
  const tasks: Array<() => void> = [];
  const queue = turnQueue((fn) => tasks.push(fn));
  const runTask = () => tasks.shift()?.();
  const runAll = () => {
    while (tasks.length) runTask();
  };
  return { queue, tasks, runTask, runAll };
}

describe("turn queue", () => {
  it("lets one part through per task, in order, each after the one before drew", () => {
    const { queue, runTask, tasks } = harness();
    const went: string[] = [];
    const a = queue.wait(() => went.push("a"));
    const b = queue.wait(() => went.push("b"));
    queue.wait(() => went.push("c"));
    expect(went).toEqual([]); // nothing draws in the task that asked
    runTask();
    expect(went).toEqual(["a"]);
    expect(tasks).toHaveLength(0); // b waits until a has drawn
    a.drawn();
    expect(went).toEqual(["a"]); // and not in a's task either
    runTask();
    expect(went).toEqual(["a", "b"]);
    b.drawn();
    runTask();
    expect(went).toEqual(["a", "b", "c"]);
  });

  it("skips a part that left while waiting", () => {
    const { queue, runAll } = harness();
    const went: string[] = [];
    const a = queue.wait(() => went.push("a"));
    const b = queue.wait(() => went.push("b"));
    queue.wait(() => went.push("c"));
    b.cancel();
    runAll();
    a.drawn();
    runAll();
    expect(went).toEqual(["a", "c"]);
  });

  it("passes the turn on when its holder leaves before drawing", () => {
    const { queue, runAll } = harness();
    const went: string[] = [];
    const a = queue.wait(() => went.push("a"));
    queue.wait(() => went.push("b"));
    runAll();
    a.cancel(); // unmounted between its turn and its drawing
    runAll();
    expect(went).toEqual(["a", "b"]);
  });

  it("starts again for parts that come after the queue ran dry", () => {
    const { queue, runAll } = harness();
    const went: string[] = [];
    const a = queue.wait(() => went.push("a"));
    runAll();
    a.drawn();
    runAll();
    const b = queue.wait(() => went.push("b"));
    runAll();
    b.drawn();
    a.drawn(); // a second "drawn" changes nothing
    a.cancel();
    runAll();
    expect(went).toEqual(["a", "b"]);
  });
});
