import type { OperationStatus, PlanEntry, Plugin, PluginV1, RunEvent, StepResult } from "@computeflow/core";
import { runPluginStep, type CreateStepContextOptions } from "@computeflow/core/testing";

/** What the tests need of a running emulator (@computeflow/emulator's RunningEmulator fits). */
export interface EmulatorLike {
  endpoint: string;
  caCert: string;
  requests(): { method: string; path: string; body?: unknown; status?: number }[];
}

/** What one step did: its plan, the action's result, the operation's final status, or the error. */
export interface StepRun {
  plan: PlanEntry;
  result?: StepResult;
  status?: OperationStatus;
  error?: unknown;
  events: RunEvent[];
}

type Extra = Omit<CreateStepContextOptions, "endpoint" | "caCert" | "step" | "with" | "plan"> & { timeoutMs?: number };

/**
 * One step as `computeflow run` does it, against an emulator: defaults applied, plan, core's
 * refusal of a blocked or replace-required plan, the action, then core's real poller.
 */
export async function runStep(emulator: EmulatorLike, plugin: Plugin | PluginV1, step: { id: string; name?: string; action: string }, input: Record<string, unknown>, { timeoutMs = 20_000, ...extra }: Extra = {}): Promise<StepRun> {
  return runPluginStep(plugin, { endpoint: emulator.endpoint, caCert: emulator.caCert, step, with: input, timeoutMs, ...extra });
}

/** Writes the emulator saw, without polls and reads. */
export function writes(emulator: EmulatorLike) {
  return emulator.requests().filter((r) => r.method !== "GET");
}

/** The step's outputs; throws its error, or says how it did not succeed. */
export function outputsOf(run: { error?: unknown; status?: OperationStatus }) {
  if (run.error) throw run.error;
  if (!run.status?.done || !("outputs" in run.status)) throw new Error(`step did not succeed: ${JSON.stringify(run.status)}`);
  return run.status.outputs;
}

/** The step's failure: its thrown error or the operation's error; throws when it succeeded. */
export function failureOf(run: { error?: unknown; status?: OperationStatus }): { code?: string; message?: string } {
  if (run.error) return run.error as { code?: string; message?: string };
  if (run.status?.done && "error" in run.status) return run.status.error;
  throw new Error(`step did not fail: ${JSON.stringify(run.status)}`);
}
