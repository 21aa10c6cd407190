/**
 * A failed pre-flight check, as data. Plugins turn it into a blocked plan entry or a
 * ComputeflowError; this package stays free of core so any tool can use it.
 */
export const SshPreflightCodes = {
  UNREACHABLE: "E_SSH_UNREACHABLE",
  AUTH: "E_SSH_AUTH",
  KEY: "E_SSH_KEY",
  NOT_UBUNTU: "E_SSH_NOT_UBUNTU",
  NO_DOCKER: "E_SSH_NO_DOCKER",
  COMMAND: "E_SSH_COMMAND",
} as const;

export type SshPreflightCode = (typeof SshPreflightCodes)[keyof typeof SshPreflightCodes];

export class SshPreflightError extends Error {
  readonly code: SshPreflightCode;
  readonly hint: string;

  constructor(code: SshPreflightCode, message: string, hint: string) {
    super(message);
    this.name = "SshPreflightError";
    this.code = code;
    this.hint = hint;
  }
}

export function isSshPreflightError(value: unknown): value is SshPreflightError {
  return value instanceof SshPreflightError;
}
