// The queue behind components/ui/turns.tsx: parts of a page wait here and are let through one at a
// time, each in a later task than the one before it drew. Pure, so its rules can be tested.

export type Ticket = {
  /** Leaves the queue; if this ticket held the turn and never drew, the turn passes on. */
  cancel(): void;
  /** This ticket's part has drawn: the next one goes, in a later task. */
  drawn(): void;
};

export type TurnQueue = { wait(go: () => void): Ticket };

/** `later` runs a function in a later task (setTimeout 0 in the browser). */
export function turnQueue(later: (fn: () => void) => void): TurnQueue {
  const waiting: Array<() => void> = [];
  let busy = false;

  function next(): void {
    const go = waiting.shift();
    busy = go !== undefined;
    go?.();
  }

  return {
    wait(go) {
      let state: "waiting" | "holding" | "done" = "waiting";
      const enter = () => {
        state = "holding";
        go();
      };
      waiting.push(enter);
      if (!busy) {
        busy = true;
        later(next);
      }
      return {
        cancel() {
          if (state === "waiting") {
            const at = waiting.indexOf(enter);
            if (at >= 0) waiting.splice(at, 1);
          } else if (state === "holding") later(next);
          state = "done";
        },
        drawn() {
          if (state !== "holding") return;
          state = "done";
          later(next);
        },
      };
    },
  };
}
