"use client";
// The report's heavy parts (each chart, the heatmap, the campaigns, the order table) are drawn one
// per task. Drawn together when a year's report arrived, they held the main thread for 300 ms and
// more in one task (bench item 11), during which the page could not answer a click; drawn in
// turns, the browser may handle input and paint in between. A part waits for its turn once, when
// it first mounts; later updates (a sort, a filter, a page) draw at once.
import { startTransition, useEffect, useRef, useState, type ReactNode } from "react";
import { turnQueue, type Ticket } from "@/lib/client/turn-queue";

const turns = turnQueue((fn) => setTimeout(fn, 0));

/** Whether this part may draw now: false until its turn comes, then true for good. */
export function useTurn(): boolean {
  const [ready, setReady] = useState(false);
  const ticket = useRef<Ticket | null>(null);

  useEffect(() => {
    // A transition: React renders the part in slices that yield to the browser; only its commit
    // is one task.
    const mine = turns.wait(() => startTransition(() => setReady(true)));
    ticket.current = mine;
    return () => mine.cancel();
  }, []);

  useEffect(() => {
    // Drawn (effects run after the commit): the next part draws in a later task.
    if (ready) ticket.current?.drawn();
  }, [ready]);

  return ready;
}

/** Shows `fallback` until its turn comes, then `children`. */
export function InTurn({ fallback, children }: { fallback: ReactNode; children: ReactNode }) {
  return useTurn() ? children : fallback;
}
