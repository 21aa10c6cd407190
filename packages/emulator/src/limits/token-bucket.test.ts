import { describe, expect, it } from "vitest";
import { ArmLimits } from "./arm-limits.js";
import { TokenBucket } from "./token-bucket.js";

describe("TokenBucket", () => {
  it("empties, refills at its rate and says how long to wait", () => {
    let now = 0;
    const bucket = new TokenBucket(3, 2, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    expect(bucket.waitMs()).toBe(500);
    now = 500;
    expect(bucket.take()).toBe(true);
    now = 100_000;
    expect(bucket.remaining()).toBe(3);
  });
});

describe("ArmLimits", () => {
  it("keeps separate read and write buckets per subscription with ARM's defaults", () => {
    const limits = new ArmLimits({}, () => 0);
    expect(limits.check("a", "GET")).toMatchObject({ allowed: true, kind: "read", remaining: 249 });
    expect(limits.check("a", "PUT")).toMatchObject({ allowed: true, kind: "write", remaining: 199 });
    expect(limits.check("b", "GET").remaining).toBe(249);
    for (let i = 0; i < 199; i++) limits.check("a", "DELETE");
    expect(limits.check("a", "POST")).toMatchObject({ allowed: false, waitMs: 100 });
  });
});
