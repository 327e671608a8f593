import { describe, expect, it } from "vitest";
import { verifyPasswordAsync } from "./password";
import { DEMO_USER, demoUsers, parseUsers } from "./users";

const H = "scrypt.16384.8.1.c2FsdHNhbHRzYWx0c2FsdA.a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5";

describe("DASHBOARD_USERS", () => {
  it("reads name:role:hash, and name:hash as an analyst", () => {
    const users = parseUsers(`vera:viewer:${H}, ali:${H},ayse:admin:${H}`);
    expect([...users].map(([name, u]) => [name, u.role, u.hash])).toEqual([
      ["vera", "viewer", H],
      ["ali", "analyst", H],
      ["ayse", "admin", H],
    ]);
  });

  it.each([
    [`vera:owner:${H}`, /"vera" has the role "owner"; roles are viewer, analyst, admin/],
    [`vera:viewer:${H}:x`, /"vera" is not name:hash or name:role:hash/],
    ["vera", /"vera" is not name:hash/],
    [`vera:${H},vera:${H}`, /"vera" is listed more than once/],
    [" , ", /names no user/],
  ])("refuses %s with a message naming the user, never the hash", (value, message) => {
    expect(() => parseUsers(value)).toThrow(message);
    try {
      parseUsers(value);
    } catch (error) {
      expect((error as Error).message).not.toContain(H);
    }
  });

  it("has a demo admin whose password is demo", async () => {
    const demo = demoUsers().get(DEMO_USER.username)!;
    expect(demo.role).toBe("admin");
    expect(await verifyPasswordAsync(DEMO_USER.password, demo.hash)).toBe(true);
  });
});
