/**
 * One error type for everything computeflow reports. Errors are data: a stable
 * `code`, a `retryable` flag the retry policy reads, a `hint` for the person, an
 * optional source `location`, and the ARM details when Azure said no.
 *
 * Recognise errors with `isComputeflowError()` (a `Symbol.for` brand), never
 * `instanceof`: a third-party plugin may load its own copy of core.
 */

const BRAND = Symbol.for("computeflow.error");

/** How an error behaves under retry; the retry policy keys off this. */
export type ErrorClass =
  | "throttled"
  | "transient"
  | "conflict"
  | "quota"
  | "validation"
  | "auth"
  | "not-found"
  | "preempted"
  | "timeout"
  | "cancelled"
  | "plugin"
  | "endpoint"
  | "internal";

/** Where in a workflow file a problem sits, so the CLI can print FILE:LINE:COL. */
export interface SourceLocation {
  file: string;
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
}

/** What ARM said, kept structured (never only inside a message string). */
export interface ArmErrorDetail {
  code: string;
  message: string;
  target?: string;
  details?: ArmErrorDetail[];
}

/**
 * Everything a ComputeflowError carries. `errorClass` defaults to "internal"; `retryable`
 * defaults from the class, so set it only to override the retry policy.
 */
export interface ComputeflowErrorOptions {
  code: string;
  message: string;
  errorClass?: ErrorClass;
  retryable?: boolean;
  hint?: string;
  location?: SourceLocation;
  cause?: unknown;
  /** ARM error body, provisioning errors, HTTP status ... */
  arm?: ArmErrorDetail[];
  status?: number;
  /** Milliseconds the server asked us to wait (Retry-After). */
  retryAfterMs?: number;
}

const RETRYABLE_BY_DEFAULT: ReadonlySet<ErrorClass> = new Set(["throttled", "transient", "conflict", "preempted"]);

/**
 * The one error type of computeflow: throw it from plugins with a stable `code` and a `hint`;
 * the engine retries by `retryable` and the CLI prints it without a stack trace.
 */
export class ComputeflowError extends Error {
  readonly [BRAND] = true;
  readonly code: string;
  readonly errorClass: ErrorClass;
  readonly retryable: boolean;
  readonly hint: string | undefined;
  readonly location: SourceLocation | undefined;
  readonly arm: ArmErrorDetail[] | undefined;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(options: ComputeflowErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ComputeflowError";
    this.code = options.code;
    this.errorClass = options.errorClass ?? "internal";
    this.retryable = options.retryable ?? RETRYABLE_BY_DEFAULT.has(this.errorClass);
    this.hint = options.hint;
    this.location = options.location;
    this.arm = options.arm;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** Recognises a ComputeflowError from any copy of core (a brand check, where `instanceof` would fail). */
export function isComputeflowError(value: unknown): value is ComputeflowError {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/** A problem found before anything runs: reported together, never thrown one by one. */
export interface Problem {
  code: string;
  message: string;
  hint?: string;
  location?: SourceLocation;
  severity: "error" | "warning";
}

/** Stable codes used by core. Plugins may add their own `E_*` codes. */
export const ErrorCodes = {
  YAML: "E_YAML",
  /** The file is over a parser limit (alias expansion, size): refused before it is built in memory. */
  YAML_LIMIT: "E_YAML_LIMIT",
  DUPLICATE_KEY: "E_DUPLICATE_KEY",
  EMPTY_FILE: "E_EMPTY_FILE",
  NOT_A_MAPPING: "E_NOT_A_MAPPING",
  BINARY_FILE: "E_BINARY_FILE",
  ENCODING: "E_ENCODING",
  FILE_NOT_FOUND: "E_FILE_NOT_FOUND",
  SCHEMA: "E_SCHEMA",
  UNKNOWN_KEY: "E_UNKNOWN_KEY",
  UNKNOWN_PLUGIN: "E_UNKNOWN_PLUGIN",
  PLUGIN_LOAD: "E_PLUGIN_LOAD",
  PLUGIN_API: "E_PLUGIN_API",
  UNSUPPORTED_ACTION: "E_UNSUPPORTED_ACTION",
  UNSUPPORTED_TARGET: "E_UNSUPPORTED_TARGET",
  UNKNOWN_STEP: "E_UNKNOWN_STEP",
  CYCLE: "E_CYCLE",
  EXPRESSION: "E_EXPRESSION",
  LITERAL_SECRET: "E_LITERAL_SECRET",
  MISSING_SECRET: "E_MISSING_SECRET",
  DUPLICATE_NAME: "E_DUPLICATE_NAME",
  COMPUTE_NAME: "E_COMPUTE_NAME",
  PATH_NOT_FOUND: "E_PATH_NOT_FOUND",
  /** A file the workflow makes computeflow write, or a local plugin, lies outside the project root. */
  PATH_OUTSIDE_PROJECT: "E_PATH_OUTSIDE_PROJECT",
  /** A file to be written exists and does not carry computeflow's header: it is the user's. */
  FILE_NOT_OURS: "E_FILE_NOT_OURS",
  /** `secrets.*` flows into a field the plugin does not declare secret. */
  SECRET_IN_PLAIN_FIELD: "E_SECRET_IN_PLAIN_FIELD",
  DUPLICATE_ATTACHMENT: "E_DUPLICATE_ATTACHMENT",
  INPUT: "E_INPUT",
  /** A warning: validate and graph go on without an environment variable that plan, run and destroy need. */
  ENV_UNSET: "W_ENV_UNSET",
  USAGE: "E_USAGE",
  THROTTLED: "E_THROTTLED",
  TRANSIENT: "E_TRANSIENT",
  QUOTA: "E_QUOTA",
  AUTH: "E_AUTH",
  /** The Azure endpoint cannot be resolved or reached. */
  ENDPOINT: "E_ENDPOINT",
  /** Another run of the same workflow file holds its lock. */
  LOCKED: "E_LOCKED",
  NOT_FOUND: "E_NOT_FOUND",
  CONFLICT: "E_CONFLICT",
  PROVISIONING_FAILED: "E_PROVISIONING_FAILED",
  TIMEOUT: "E_TIMEOUT",
  BLOCKED: "E_BLOCKED",
  REPLACE_REQUIRED: "E_REPLACE_REQUIRED",
  INTERRUPTED: "E_INTERRUPTED",
  PLUGIN: "E_PLUGIN",
  INTERNAL: "E_INTERNAL",
} as const;
