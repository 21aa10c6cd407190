import type { Outputs, PlanEntry, Plugin, RunEvent, StepResult } from "@computeflow/core";
import { runPluginStep } from "@computeflow/core/testing";

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
 * Runs one step as the engine does (core's runPluginStep: defaults applied, plan, core's
 * refusal of a blocked plan, the action with that plan, then core's real poller). A blocked
 * plan is returned as the plan alone, with nothing sent.
 */
export async function runStep(
  plugin: Plugin,
  emulator: EmulatorLike,
  action: string,
  name: string,
  input: Record<string, unknown>,
  options: { secrets?: string[]; workflowDir?: string; needs?: Record<string, Outputs> } = {},
): Promise<StepRun> {
  const run = await runPluginStep(plugin, { endpoint: emulator.endpoint, caCert: emulator.caCert, step: { id: name, uses: plugin.name, action }, with: input, timeoutMs: 20_000, ...options });
  if (run.plan.change === "blocked") return { plan: run.plan, events: run.events };
  const status = run.status;
  const outcome = run.error !== undefined ? { error: run.error } : status && "error" in status ? { error: status.error } : { outputs: status?.done ? status.outputs : undefined };
  return { plan: run.plan, ...(run.result ? { result: run.result } : {}), ...outcome, events: run.events };
}
