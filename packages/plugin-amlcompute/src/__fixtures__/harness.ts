import { hookNameFor } from "@computeflow/core";
import type { OperationStatus, PlanEntry, PluginV1 as Plugin, StepResult } from "@computeflow/core";
import { createStepContext, pollOperation } from "@computeflow/core/testing";
import type { CreateStepContextOptions } from "@computeflow/core/testing";
import type { RunningEmulator } from "@computeflow/emulator";

export interface StepRun {
  plan: PlanEntry;
  result?: StepResult;
  status?: OperationStatus;
  error?: unknown;
}

type Extra = Omit<CreateStepContextOptions, "endpoint" | "caCert" | "step" | "with" | "plan"> & { timeoutMs?: number };

/** plan, then the action hook with that plan, then the real poller: what `computeflow run` does for one step. */
export async function runStep(
  emulator: RunningEmulator,
  plugin: Plugin,
  step: { id: string; name?: string; action: string },
  input: Record<string, unknown>,
  { timeoutMs = 20_000, ...extra }: Extra = {},
): Promise<StepRun> {
  const base = { endpoint: emulator.endpoint, caCert: emulator.caCert, step, with: input, ...extra };
  const plan = await plugin.plan!(createStepContext(base).ctx);
  const { ctx } = createStepContext({ ...base, plan });
  const hook = (plugin as unknown as Record<string, (c: typeof ctx) => Promise<StepResult>>)[hookNameFor(step.action)]!;
  try {
    const result = await hook(ctx);
    const status = result.operation ? await pollOperation(result.operation, ctx, { timeoutMs }) : { done: true as const, outputs: result.outputs ?? {} };
    return { plan, result, status };
  } catch (error) {
    return { plan, error };
  }
}

/** Writes the emulator saw, without polls and reads. */
export function writes(emulator: RunningEmulator) {
  return emulator.requests().filter((r) => r.method !== "GET");
}

export function outputsOf(run: StepRun) {
  if (run.error) throw run.error;
  if (!run.status?.done || !("outputs" in run.status)) throw new Error(`step did not succeed: ${JSON.stringify(run.status)}`);
  return run.status.outputs;
}
