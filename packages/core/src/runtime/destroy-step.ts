import type { PlanEntry } from "../plugin.js";
import type { EngineStep } from "./engine-types.js";
import type { RunContext } from "./run-context.js";
import type { StepOutcome } from "./run-step.js";
import { callHook, planFields, pollStep } from "./run-step.js";
import { blockedError } from "./step-errors.js";

/** What `destroy` does for a step: its action's destroy label ("delete", "detach"), or nothing. */
export function destroyActionOf(step: EngineStep): string | undefined {
  return step.plugin.destroyLabel(step.action);
}

/**
 * One attempt of `destroy` for a step: plan the delete/detach (so an absent compute is a
 * no-op), then delete what it provisioned or detach what it attached.
 */
export async function destroyStepOnce(run: RunContext, step: EngineStep, signal: AbortSignal): Promise<StepOutcome> {
  const label = destroyActionOf(step)!;
  const plan = await planDestroy(run, step, signal, label);
  if (plan) {
    run.services.emit({ type: "step_planned", time: run.now(), step: step.id, ...planFields(plan) });
    if (step.plugin.effectOf(step.action, plan.change) === "blocked") throw blockedError(step.id, plan);
  }
  const result = await callHook(run, step, signal, label, (ctx) => step.plugin.destroy(step.action, ctx), plan, label);
  if (result.operation) await pollStep(run, step, result.operation, signal);
  return { status: result.changed === false ? "noop" : "succeeded", outputs: {} };
}

/** A plan hook that does not know the destroy action still gets the destroy called, without a plan. */
async function planDestroy(run: RunContext, step: EngineStep, signal: AbortSignal, label: string): Promise<PlanEntry | undefined> {
  try {
    return await callHook(run, step, signal, "planning", (ctx) => step.plugin.planDestroy(step.action, ctx), undefined, label);
  } catch (error) {
    if (signal.aborted) throw error;
    return undefined;
  }
}
