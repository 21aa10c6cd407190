/**
 * Events are how core talks: the CLI's reporters (TTY, plain, NDJSON) render them.
 * Every string in an event has already been through redaction.
 */
import type { ChangeKind, FieldChange, Outputs, Progress } from "../plugin.js";
import type { ArmErrorDetail } from "../errors.js";

export type RunMode = "plan" | "run" | "destroy";
export type StepStatus = "pending" | "running" | "succeeded" | "noop" | "failed" | "skipped" | "cancelled";

export interface SerializedError {
  code: string;
  message: string;
  hint?: string;
  retryable: boolean;
  errorClass: string;
  arm?: ArmErrorDetail[];
}

export type RunEvent =
  | { type: "run_started"; time: string; mode: RunMode; workflow: string; file: string; steps: string[] }
  | { type: "step_planned"; time: string; step: string; change: ChangeKind; summary?: string; diff?: FieldChange[]; notes?: string[]; reason?: string; hint?: string; code?: string }
  | { type: "step_started"; time: string; step: string; uses: string; action: string; attempt: number }
  | { type: "step_progress"; time: string; step: string; progress: Progress }
  | { type: "step_log"; time: string; step: string; level: "info" | "warn" | "debug"; message: string }
  | { type: "step_retry"; time: string; step: string; attempt: number; delayMs: number; error: SerializedError }
  | { type: "step_finished"; time: string; step: string; status: StepStatus; durationMs: number; outputs?: Outputs; error?: SerializedError; files?: string[]; /** `--resume`: done by an earlier run, outputs from its journal. */ resumed?: boolean }
  | { type: "request_throttled"; time: string; method: string; url: string; retryAfterMs: number }
  | { type: "interrupted"; time: string; inFlight: { step: string; operation: string }[] }
  | { type: "run_finished"; time: string; status: "succeeded" | "failed" | "interrupted"; durationMs: number; steps: Record<string, StepStatus> };

export type RunEventListener = (event: RunEvent) => void;
