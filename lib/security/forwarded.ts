// Who is asking, and over what: the connection's own address, scheme and host, or what the
// TRUST_PROXY nearest reverse proxies say about them. A forwarded header beyond the trusted hops is
// whatever the client wrote, so it is never read.
//
// The connection's address comes from scripts/server.mjs, which sets PEER_HEADER on every request
// (overwriting a client's copy) and marks the process; without the mark (the app not started
// through it) PEER_HEADER could be forged, so it is not believed and the address is "unknown".

const SERVER_MARK = Symbol.for("iletimerkezi-reports.server");
export const PEER_HEADER = "x-dashboard-peer";

export type Forwarded = {
  /** The client's address: the connection's, or the one the outermost trusted proxy saw. */
  address: string;
  /** Whether the client's request came over https (the server itself speaks plain http). */
  https: boolean;
  /** The host the client asked for (for same-origin checks). */
  host: string | null;
};

/** True when scripts/server.mjs runs this process (PEER_HEADER is then its own). */
export function startedByServer(): boolean {
  return SERVER_MARK in globalThis;
}

function list(value: string | null): string[] {
  return (value ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
}

/** The value the outermost of `hops` trusted proxies wrote (each appends; one may overwrite). */
function trustedValue(value: string | null, hops: number): string | undefined {
  const values = list(value);
  return values.length ? values[Math.max(0, values.length - hops)] : undefined;
}

/** An address as proxies write it: without IPv4-mapped prefix, port or brackets. */
function bareAddress(value: string): string {
  let v = value.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+)/i, "");
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(v);
  if (bracketed) return bracketed[1] as string;
  const v4WithPort = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(v);
  if (v4WithPort) v = v4WithPort[1] as string;
  return v;
}

/**
 * Reads a request's origin through `hops` trusted proxies. The X-Forwarded-For chain with the
 * connection's address appended is [client, proxy1, …, proxyN-1] + [peer]; the client is the
 * entry `hops` places left of the peer (the leftmost if the chain is shorter: a proxy that
 * overwrites rather than appends).
 */
export function readForwarded(
  headers: Headers,
  hops: number,
  trustPeer = startedByServer(),
): Forwarded {
  const peer = (trustPeer && headers.get(PEER_HEADER)?.trim()) || "unknown";
  const host = headers.get("host");
  if (hops === 0) return { address: bareAddress(peer), https: false, host };
  const chain = [...list(headers.get("x-forwarded-for")), peer];
  const proto = trustedValue(headers.get("x-forwarded-proto"), hops);
  return {
    address: bareAddress(chain[Math.max(0, chain.length - 1 - hops)] as string),
    https: proto?.toLowerCase() === "https",
    host: trustedValue(headers.get("x-forwarded-host"), hops) ?? host,
  };
}
