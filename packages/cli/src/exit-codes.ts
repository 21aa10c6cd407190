export const ExitCode = {
  OK: 0,
  FAILED: 1,
  INVALID: 2,
  INTERRUPTED: 130,
} as const;
