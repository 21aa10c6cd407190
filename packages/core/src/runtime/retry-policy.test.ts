import { describe, expect, it } from "vitest";
import { compileRetryPolicy, REQUEST_RETRY_POLICY } from "./retry-policy.js";

const throttled = { errorClass: "throttled" as const, retryable: true };
const validation = { errorClass: "validation" as const, retryable: false };

describe("compileRetryPolicy", () => {
  const policy = compileRetryPolicy({ ...REQUEST_RETRY_POLICY, maxAttempts: 4, initialDelayMs: 100, maxDelayMs: 500, jitter: 0 });

  it("backs off exponentially up to the cap", () => {
    expect([1, 2, 3, 4, 5].map((a) => policy.delayFor(a, throttled))).toEqual([100, 200, 400, 500, 500]);
  });

  it("lets Retry-After win over the backoff", () => {
    expect(policy.delayFor(1, { ...throttled, retryAfterMs: 7000 })).toBe(7000);
  });

  it("retries only retryable classes and stops at maxAttempts", () => {
    expect(policy.shouldRetry(1, throttled)).toBe(true);
    expect(policy.shouldRetry(4, throttled)).toBe(false);
    expect(policy.shouldRetry(1, validation)).toBe(false);
    expect(policy.shouldRetry(1, { errorClass: "conflict", retryable: true })).toBe(false);
  });

  it("jitter only shortens the delay, never below (1 - jitter)", () => {
    const jittery = compileRetryPolicy({ ...REQUEST_RETRY_POLICY, initialDelayMs: 1000, jitter: 0.5 }, () => 0.999);
    const d = jittery.delayFor(1, throttled);
    expect(d).toBeGreaterThanOrEqual(500);
    expect(d).toBeLessThan(1000);
  });
});
