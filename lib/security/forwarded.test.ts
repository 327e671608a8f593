import { describe, expect, it } from "vitest";
import { PEER_HEADER, readForwarded } from "./forwarded";

const headers = (h: Record<string, string>) => new Headers({ host: "dash.example", ...h });
const spoofed = {
  [PEER_HEADER]: "192.0.2.10",
  "x-forwarded-for": "203.0.113.66",
  "x-forwarded-proto": "https",
  "x-forwarded-host": "evil.example",
};

describe("readForwarded", () => {
  it("TRUST_PROXY=0: the connection's address, plain http, the Host header; forwarded headers ignored", () => {
    expect(readForwarded(headers(spoofed), 0, true)).toEqual({
      address: "192.0.2.10",
      https: false,
      host: "dash.example",
    });
  });

  it("does not believe the peer header unless scripts/server.mjs set it", () => {
    expect(readForwarded(headers(spoofed), 0, false).address).toBe("unknown");
  });

  it.each([
    // [X-Forwarded-For as the app receives it, hops, client address]
    ["198.51.100.7", 1, "198.51.100.7"], // one proxy, a client that sent nothing
    ["6.6.6.6, 198.51.100.7", 1, "198.51.100.7"], // the client's own entry is skipped
    ["6.6.6.6, 198.51.100.7, 10.0.0.2", 2, "198.51.100.7"], // CDN then load balancer
    ["6.6.6.6, 198.51.100.7, 10.0.0.2", 1, "10.0.0.2"], // one hop trusted: the CDN is the client
    ["198.51.100.7", 3, "198.51.100.7"], // fewer entries than hops: the leftmost
    ["", 1, "192.0.2.10"], // a trusted proxy that sent none: the connection
    ["[2001:db8::1]:4711", 1, "2001:db8::1"], // bracketed IPv6 with a port
    ["198.51.100.7:5123", 1, "198.51.100.7"], // IPv4 with a port
    ["::ffff:198.51.100.7", 1, "198.51.100.7"], // IPv4-mapped
  ])("X-Forwarded-For %j through %i trusted hop(s) → %s", (xff, hops, address) => {
    const h = headers({ [PEER_HEADER]: "192.0.2.10", "x-forwarded-for": xff });
    expect(readForwarded(h, hops, true).address).toBe(address);
  });

  it("takes proto and host from the outermost trusted proxy, else the connection's", () => {
    const h = headers({
      [PEER_HEADER]: "10.0.0.2",
      "x-forwarded-proto": "http, HTTPS",
      "x-forwarded-host": "spoof.example, dash.example",
    });
    expect(readForwarded(h, 1, true)).toMatchObject({ https: true, host: "dash.example" });
    const bare = headers({ [PEER_HEADER]: "10.0.0.2" });
    expect(readForwarded(bare, 1, true)).toMatchObject({ https: false, host: "dash.example" });
  });
});
