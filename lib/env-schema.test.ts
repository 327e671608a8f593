import { describe, expect, it } from "vitest";
import { DEFAULT_BASE_URL, parseEnv } from "./env-schema";

const live = {
  ILETIMERKEZI_API_KEY: "k",
  ILETIMERKEZI_API_HASH: "h",
  SESSION_SECRET: "x".repeat(32),
  DASHBOARD_USERS: "ayse:scrypt.1.2.3.4.5",
};

describe("configuration", () => {
  it("runs the demo without any variable", () => {
    const env = parseEnv({});
    expect(env.mode).toBe("demo");
    expect(env.upstream).toBeNull();
    expect(env.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(env).toMatchObject({
      concurrency: 4,
      timeoutMs: 15000,
      maxRangeDays: 366,
      port: 3000,
      trustProxy: 0,
    });
  });

  it("selects live mode by the key, with the default base URL", () => {
    const env = parseEnv(live);
    expect(env.mode).toBe("live");
    expect(env.upstream).toEqual({
      baseUrl: DEFAULT_BASE_URL,
      key: "k",
      hash: "h",
      secret: undefined,
    });
  });

  it.each([
    [{ ILETIMERKEZI_API_HASH: undefined }, /ILETIMERKEZI_API_HASH/],
    [{ SESSION_SECRET: undefined }, /SESSION_SECRET/],
    [{ SESSION_SECRET: "short" }, /SESSION_SECRET.*32/],
    [{ DASHBOARD_USERS: "" }, /DASHBOARD_USERS/],
    [{ DASHBOARD_USERS: "ayse" }, /DASHBOARD_USERS: "ayse" is not name:hash/],
    [{ UPSTREAM_CONCURRENCY: "0" }, /UPSTREAM_CONCURRENCY/],
    [{ UPSTREAM_TIMEOUT_MS: "fast" }, /UPSTREAM_TIMEOUT_MS/],
    [{ MAX_RANGE_DAYS: "1.5" }, /MAX_RANGE_DAYS/],
    [{ TRUST_PROXY: "-1" }, /TRUST_PROXY must be a whole number from 0 to 10/],
    [{ TRUST_PROXY: "yes" }, /TRUST_PROXY/],
    [{ ILETIMERKEZI_BASE_URL: "ftp://x" }, /ILETIMERKEZI_BASE_URL/],
  ])("refuses %o with one line naming the variable", (patch, message) => {
    expect(() => parseEnv({ ...live, ...patch })).toThrow(message);
    try {
      parseEnv({ ...live, ...patch });
    } catch (e) {
      expect((e as Error).message).not.toContain("\n");
    }
  });

  it("accepts the secret instead of the hash", () => {
    const env = parseEnv({
      ...live,
      ILETIMERKEZI_API_HASH: undefined,
      ILETIMERKEZI_API_SECRET: "s",
    });
    expect(env.upstream?.secret).toBe("s");
  });

  it("keeps the embedded store in ./data unless DATA_DIR or DATABASE_URL says otherwise", () => {
    expect(parseEnv({}).store).toEqual({ databaseUrl: undefined, dataDir: "./data" });
    expect(parseEnv({ DATA_DIR: "/var/lib/imr" }).store.dataDir).toBe("/var/lib/imr");
    const url = "postgres://dash:pw@db.internal:5432/reports";
    expect(parseEnv({ DATABASE_URL: url }).store.databaseUrl).toBe(url);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x@y/z" })).toThrow(
      /DATABASE_URL must be a postgres:\/\/ URL/,
    );
  });
});
