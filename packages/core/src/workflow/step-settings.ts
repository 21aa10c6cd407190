/** Timeout, retry and continue_on_error of a step: its own, else the workflow's `defaults`, else ours. */
export function stepSettings(step: Record<string, unknown>, defaults: Record<string, unknown>) {
  const pick = (key: string) => (step[key] !== undefined ? step[key] : defaults[key]);
  const timeout = pick("timeout_minutes");
  const continueOnError = pick("continue_on_error");
  return {
    timeoutMinutes: typeof timeout === "number" && timeout > 0 ? timeout : undefined,
    retry: retrySetting(pick("retry")),
    continueOnError: continueOnError === true,
  };
}

/** A step runs once unless the workflow asks for retries (requests are retried below it anyway). */
export const DEFAULT_MAX_ATTEMPTS = 1;

function retrySetting(value: unknown): { maxAttempts: number; delaySeconds?: number } {
  if (typeof value === "number" && Number.isInteger(value) && value >= 0) return { maxAttempts: value + 1 };
  if (value !== null && typeof value === "object") {
    const { max_attempts: max, delay_seconds: delay } = value as Record<string, unknown>;
    if (typeof max === "number" && max >= 1) return typeof delay === "number" && delay >= 0 ? { maxAttempts: max, delaySeconds: delay } : { maxAttempts: max };
  }
  return { maxAttempts: DEFAULT_MAX_ATTEMPTS };
}
