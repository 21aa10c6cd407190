import { compileRetryPolicy, type CompiledRetryPolicy } from "./retry-policy.js";

/** A step's `retry:` as a policy: only retryable failures, exponential from `delay_seconds`. */
export function stepRetryPolicy(retry: { maxAttempts: number; delaySeconds?: number | undefined }, timeScale = 1): CompiledRetryPolicy {
  return compileRetryPolicy({
    maxAttempts: Math.max(1, retry.maxAttempts),
    initialDelayMs: (retry.delaySeconds ?? 10) * 1000 * timeScale,
    backoffCoefficient: 2,
    maxDelayMs: 300_000 * timeScale,
    jitter: 0.2,
    retryableClasses: ["throttled", "transient", "conflict", "preempted"],
  });
}
