/**
 * Events are how core talks: the CLI's reporters (TTY, plain, NDJSON) render them.
 * Every string in an event has already been through redaction.
 */
import type { ChangeKind, FieldChange, Outputs, Progress } from "../plugin.js";
import type { ArmErrorDetail } from "../errors.js";

/** plan reads only; run makes the workflow real; destroy deletes or detaches its computes. */
export type RunMode = "plan" | "run" | "destroy";
/** A step's status as events report it; "noop" means it changed nothing (Azure already matched the file). */
export type StepStatus = "pending" | "running" | "succeeded" | "noop" | "failed" | "skipped" | "cancelled";

/** A ComputeflowError as plain, redacted data, for events and the NDJSON reporter. */
export interface SerializedError {
  code: string;
  message: string;
  hint?: string;
  retryable: boolean;
  errorClass: string;
  arm?: ArmErrorDetail[];
}

/** Everything core reports during a run, in order; reporters switch on `type`. */
export type RunEvent =
  | { type: "run_started"; time: string; mode: RunMode; workflow: string; file: string; steps: string[] }
  | { type: "step_planned"; time: string; step: string; change: ChangeKind | (string & {}); summary?: string; diff?: FieldChange[]; notes?: string[]; reason?: string; hint?: string; code?: string }
  | { type: "step_started"; time: string; step: string; uses: string; action: string; attempt: number }
  | { type: "step_progress"; time: string; step: string; progress: Progress }
  | { type: "step_log"; time: string; step: string; level: "info" | "warn" | "debug"; message: string }
  | { type: "step_retry"; time: string; step: string; attempt: number; delayMs: number; error: SerializedError }
  | { type: "step_finished"; time: string; step: string; status: StepStatus; durationMs: number; outputs?: Outputs; error?: SerializedError; files?: string[]; /** `--resume`: done by an earlier run, outputs from its journal. */ resumed?: boolean }
  | { type: "request_throttled"; time: string; method: string; url: string; retryAfterMs: number }
  /** Something the person should know about the run as a whole (a stale lock taken over, journal lines skipped). */
  | { type: "run_warning"; time: string; message: string }
  | { type: "interrupted"; time: string; inFlight: { step: string; operation: string }[] }
  | { type: "run_finished"; time: string; status: "succeeded" | "failed" | "interrupted"; durationMs: number; steps: Record<string, StepStatus> };

/** Receives each RunEvent as it happens (EngineOptions.onEvent). */
export type RunEventListener = (event: RunEvent) => void;
