"use client";
// The report's heavy parts (each chart, the heatmap, the campaigns, the order table) are drawn one
// per task. Drawn together when a year's report arrived, they held the main thread for 300 ms and
// more in one task (bench item 11), during which the page could not answer a click; drawn in
// turns, the browser may handle input and paint in between. A part waits for its turn when it first
// mounts; the charts wait for one on every change of what they draw too (useInTurn), so that a
// filter's new report is drawn in several tasks rather than one.
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

/**
 * `value` as this part draws it: a changed value (not `same` as the one drawn) is taken up in the
 * part's next turn, in a transition. `pending` while the part still draws an older value.
 */
export function useInTurn<T>(
  value: T,
  same: (a: T, b: T) => boolean,
): { shown: T; pending: boolean } {
  const [shown, setShown] = useState(value);
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  });
  const pending = !same(shown, value);
  const ticket = useRef<Ticket | null>(null);

  useEffect(() => {
    if (!pending) return;
    const mine = turns.wait(() => startTransition(() => setShown(latest.current)));
    ticket.current = mine;
    return () => mine.cancel();
  }, [pending, shown]);

  useEffect(() => {
    // Drawn: the next part goes, in a later task.
    ticket.current?.drawn();
  }, [shown]);

  return { shown: pending ? shown : value, pending };
}
