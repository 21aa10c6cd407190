/**
 * How long a step may take when neither it nor the workflow's `defaults` set
 * `timeout_minutes`, by action: nothing waits forever. Listed in the README.
 */
export const DEFAULT_TIMEOUT_MINUTES: Readonly<Record<string, number>> = {
  provision: 60,
  attach: 30,
  detach: 30,
  delete: 30,
  start: 30,
  stop: 30,
  restart: 30,
  "configure-run": 10,
};

/** For an action not listed above. */
export const FALLBACK_TIMEOUT_MINUTES = 60;

export function defaultTimeoutMinutes(action: string): number {
  return Object.hasOwn(DEFAULT_TIMEOUT_MINUTES, action) ? DEFAULT_TIMEOUT_MINUTES[action]! : FALLBACK_TIMEOUT_MINUTES;
}
