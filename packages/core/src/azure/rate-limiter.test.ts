import { describe, expect, it } from "vitest";
import { FakeClock } from "../runtime/fake-clock.js";
import { ArmRateLimiter, subscriptionOf } from "./rate-limiter.js";

describe("ArmRateLimiter", () => {
  it("lets a burst through, then paces at the refill rate", async () => {
    const clock = new FakeClock();
    const limiter = new ArmRateLimiter(clock, { read: { capacity: 3, refillPerSecond: 2 }, write: { capacity: 1, refillPerSecond: 1 } });
    const done: number[] = [];
    for (let i = 0; i < 5; i++) void limiter.acquire("s", "read").then(() => done.push(clock.now()));
    await clock.advance(0);
    expect(done).toEqual([0, 0, 0]);
    await clock.advance(1000);
    expect(done).toEqual([0, 0, 0, 500, 1000]);
  });

  it("holds every request to a subscription until its Retry-After expired", async () => {
    const clock = new FakeClock();
    const limiter = new ArmRateLimiter(clock);
    limiter.blockUntil("s", 3000);
    let at = -1;
    void limiter.acquire("s", "write").then(() => (at = clock.now()));
    let other = -1;
    void limiter.acquire("t", "write").then(() => (other = clock.now()));
    await clock.advance(2999);
    expect(at).toBe(-1);
    expect(other).toBe(0);
    await clock.advance(1);
    expect(at).toBe(3000);
  });

  it("reads the subscription from a request URL", () => {
    expect(subscriptionOf("https://h/subscriptions/ABC/resourceGroups/x")).toBe("abc");
    expect(subscriptionOf("https://h/providers/x")).toBe("");
  });
});
