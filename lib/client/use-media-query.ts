"use client";
import { useSyncExternalStore } from "react";

function subscribe(query: string) {
  return (onChange: () => void) => {
    const list = window.matchMedia(query);
    list.addEventListener("change", onChange);
    return () => list.removeEventListener("change", onChange);
  };
}

/** Whether a media query matches; `fallback` on the server. */
export function useMediaQuery(query: string, fallback = false): boolean {
  return useSyncExternalStore(
    subscribe(query),
    () => window.matchMedia(query).matches,
    () => fallback,
  );
}

/**
 * Whether a media query matches; undefined on the server and while hydrating, so what the server
 * rendered for every width can stay until the browser knows which one it is.
 */
export function useMediaQueryOnClient(query: string): boolean | undefined {
  return useSyncExternalStore<boolean | undefined>(
    subscribe(query),
    () => window.matchMedia(query).matches,
    () => undefined,
  );
}
