import type { Outputs, PlanEntry, PluginV1 as Plugin, RunEvent, StepResult } from "@computeflow/core";
import { createStepContext, pollOperation } from "@computeflow/core/testing";

export interface EmulatorLike {
  endpoint: string;
  caCert: string;
}

export interface StepRun {
  plan: PlanEntry;
  result?: StepResult;
  outputs?: Outputs;
  error?: unknown;
  events: RunEvent[];
}

/**
 * Runs one step as the engine does: plan, then (unless blocked) the action's hook with
 * that plan, then core's real poller until the operation is done.
 */
export async function runStep(
  plugin: Plugin,
  emulator: EmulatorLike,
  action: string,
  name: string,
  input: Record<string, unknown>,
  options: { secrets?: string[]; workflowDir?: string; needs?: Record<string, Outputs> } = {},
): Promise<StepRun> {
  const base = { endpoint: emulator.endpoint, caCert: emulator.caCert, step: { id: name, uses: plugin.name, action }, with: input, ...options };
  const planned = createStepContext(base);
  const plan = await plugin.plan!(planned.ctx);
  if (plan.change === "blocked") return { plan, events: planned.events };
  const { ctx, events } = createStepContext({ ...base, plan });
  const hookName = action === "configure-run" ? "configureRun" : action;
  const hook = (plugin as unknown as Record<string, (c: typeof ctx) => Promise<StepResult>>)[hookName]!;
  try {
    const result = await hook(ctx);
    if (!result.operation) return { plan, result, outputs: result.outputs, events: [...planned.events, ...events] };
    const status = await pollOperation(result.operation, ctx, { timeoutMs: 20_000 });
    const outcome = "error" in status ? { error: status.error } : { outputs: status.done ? status.outputs : undefined };
    return { plan, result, ...outcome, events: [...planned.events, ...events] };
  } catch (error) {
    return { plan, error, events: [...planned.events, ...events] };
  }
}
