import { describe, expect, it } from "vitest";
import { hashPassword, parseHash, verifyPassword } from "./password";

describe("password hashes", () => {
  it("verifies the right password and rejects others", () => {
    const hash = hashPassword("s3cret!");
    expect(hash).toMatch(/^scrypt\.16384\.8\.1\.[\w-]+\.[\w-]+$/);
    expect(verifyPassword("s3cret!", hash)).toBe(true);
    expect(verifyPassword("s3cret", hash)).toBe(false);
    expect(verifyPassword("s3cret!", undefined)).toBe(false);
    expect(verifyPassword("s3cret!", "scrypt.garbage")).toBe(false);
  });

  it("salts every hash", () => {
    expect(hashPassword("same")).not.toBe(hashPassword("same"));
    expect(parseHash(hashPassword("same"))?.salt.length).toBe(16);
  });
});
