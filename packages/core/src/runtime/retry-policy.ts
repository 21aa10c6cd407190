import type { ErrorClass } from "../errors.js";

/**
 * How often and how patiently something is retried, as data. Compiled into two pure
 * functions the request pipeline and the executor share.
 */
export interface RetryPolicy {
  /** Total attempts, the first one included. */
  maxAttempts: number;
  initialDelayMs: number;
  backoffCoefficient: number;
  maxDelayMs: number;
  /** Share of the delay randomised away (0 = none, 0.2 = up to 20% shorter). */
  jitter: number;
  /** Error classes worth another attempt; others fail at once whatever their flag says. */
  retryableClasses: readonly ErrorClass[];
}

/** What the policy needs to know about a failure. ComputeflowError satisfies it. */
export interface RetryableFailure {
  errorClass: ErrorClass;
  retryable: boolean;
  retryAfterMs?: number | undefined;
}

export interface CompiledRetryPolicy {
  /** Milliseconds to wait before attempt `attempt + 1`, after attempt `attempt` failed with `error`. */
  delayFor(attempt: number, error: RetryableFailure): number;
  shouldRetry(attempt: number, error: RetryableFailure): boolean;
}

export const REQUEST_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 10,
  initialDelayMs: 400,
  backoffCoefficient: 2,
  maxDelayMs: 15_000,
  jitter: 0.3,
  retryableClasses: ["throttled", "transient"],
};

export function compileRetryPolicy(policy: RetryPolicy, random: () => number = Math.random): CompiledRetryPolicy {
  const classes = new Set(policy.retryableClasses);
  return {
    shouldRetry(attempt, error) {
      return attempt < policy.maxAttempts && error.retryable && classes.has(error.errorClass);
    },
    delayFor(attempt, error) {
      const exponential = policy.initialDelayMs * policy.backoffCoefficient ** Math.max(0, attempt - 1);
      const capped = Math.min(policy.maxDelayMs, exponential);
      const jittered = Math.round(capped * (1 - policy.jitter * random()));
      return error.retryAfterMs !== undefined ? Math.max(error.retryAfterMs, 0) : jittered;
    },
  };
}

/** The same policy with its delays multiplied by `factor`. */
export function scaledRetry(policy: RetryPolicy, factor: number): RetryPolicy {
  return { ...policy, initialDelayMs: policy.initialDelayMs * factor, maxDelayMs: policy.maxDelayMs * factor };
}
