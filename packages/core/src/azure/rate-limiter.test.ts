import { describe, expect, it } from "vitest";
import { FakeClock } from "../runtime/fake-clock.js";
import { ArmRateLimiter, subscriptionOf } from "./rate-limiter.js";

describe("ArmRateLimiter", () => {
  it("without a reported budget: lets a burst through, then paces at the refill rate", async () => {
    const clock = new FakeClock();
    const limiter = new ArmRateLimiter(clock, { read: { capacity: 3, refillPerSecond: 2 }, write: { capacity: 1, refillPerSecond: 1 } }, null);
    const done: number[] = [];
    for (let i = 0; i < 5; i++) void limiter.acquire("s", "read").then(() => done.push(clock.now()));
    await clock.advance(0);
    expect(done).toEqual([0, 0, 0]);
    await clock.advance(1000);
    expect(done).toEqual([0, 0, 0, 500, 1000]);
  });

  it("sends one request first, then spends the budget ARM reported, less a 5% reserve, at 95% of its refill rate", async () => {
    const clock = new FakeClock();
    const limiter = new ArmRateLimiter(clock, undefined, { read: { capacity: 100, refillPerSecond: 20 }, write: { capacity: 100, refillPerSecond: 20 } });
    const sent: number[] = [];
    const probe = limiter.acquire("s", "write");
    for (let i = 0; i < 120; i++) void limiter.acquire("s", "write").then(() => sent.push(clock.now()));
    const seq = await probe;
    await clock.advance(50);
    expect(sent).toEqual([]);
    // ARM says 99 left after the probe: 99 - 5 = 94 may go at once.
    limiter.answered("s", "write", seq, 99);
    await clock.advance(5);
    expect(sent).toHaveLength(94);
    await clock.advance(1000);
    // 19 per second (95% of 20) from then on.
    expect(sent.length).toBeGreaterThanOrEqual(94 + 18);
    expect(sent.length).toBeLessThanOrEqual(94 + 20);
  });

  it("lowers its count when an answer reports less (someone else spends the same budget), never raises it past its own", async () => {
    const clock = new FakeClock();
    const limiter = new ArmRateLimiter(clock, undefined, { read: { capacity: 100, refillPerSecond: 10 }, write: { capacity: 100, refillPerSecond: 10 } });
    const first = await limiter.acquire("s", "read");
    limiter.answered("s", "read", first, 99);
    const seqs: number[] = [];
    for (let i = 0; i < 10; i++) seqs.push(await limiter.acquire("s", "read"));
    // Another client took 60: the answer to the 10th says 29 left; 9 of ours are still out but sent before it.
    limiter.answered("s", "read", seqs[9]!, 29);
    const more: number[] = [];
    for (let i = 0; i < 40; i++) void limiter.acquire("s", "read").then(() => more.push(clock.now()));
    await clock.advance(0);
    expect(more).toHaveLength(29 - 5);
    // A late answer reporting more does not raise the count.
    limiter.answered("s", "read", seqs[0]!, 90);
    await clock.advance(0);
    expect(more).toHaveLength(24);
  });

  it("paces at 80% of ARM's buckets when answers carry no budget", async () => {
    const clock = new FakeClock();
    const limiter = new ArmRateLimiter(clock, { read: { capacity: 3, refillPerSecond: 1 }, write: { capacity: 3, refillPerSecond: 1 } });
    const probe = await limiter.acquire("s", "read");
    limiter.answered("s", "read", probe, undefined);
    const done: number[] = [];
    for (let i = 0; i < 3; i++) void limiter.acquire("s", "read").then(() => done.push(clock.now()));
    await clock.advance(0);
    expect(done).toEqual([0, 0]);
    await clock.advance(1000);
    expect(done).toEqual([0, 0, 1000]);
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
