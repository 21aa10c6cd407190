import type { AnyAction, OperationStatus, PlanEntry, StepResult } from "@computeflow/core";
import { createStepContext, pollOperation } from "@computeflow/core/testing";
import type { CreateStepContextOptions } from "@computeflow/core/testing";
import type { RunningEmulator } from "@computeflow/emulator";

export interface ActionRun {
  plan: PlanEntry;
  result?: StepResult;
  status?: OperationStatus;
  error?: unknown;
}

type Extra = Omit<CreateStepContextOptions, "endpoint" | "caCert" | "step" | "with" | "plan">;

/** Plugin API 2: the action's plan, then its apply with that plan, then core's poller (what run does for one step). */
export async function runAction(emulator: RunningEmulator, action: AnyAction, step: { id: string; action: string }, input: Record<string, unknown>, extra: Extra = {}): Promise<ActionRun> {
  const base = { endpoint: emulator.endpoint, caCert: emulator.caCert, step, with: input, ...extra };
  const plan = await action.plan!(createStepContext(base).ctx);
  const { ctx } = createStepContext({ ...base, plan });
  try {
    const result = await action.apply(ctx);
    const status = result.operation ? await pollOperation(result.operation, ctx, { timeoutMs: 20_000 }) : { done: true as const, outputs: result.outputs ?? {} };
    return { plan, result, status };
  } catch (error) {
    return { plan, error };
  }
}
