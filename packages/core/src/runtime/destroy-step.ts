import type { PlanEntry } from "../plugin.js";
import type { EngineStep } from "./engine-types.js";
import type { RunContext } from "./run-context.js";
import type { StepOutcome } from "./run-step.js";
import { callHook, planFields, pollStep } from "./run-step.js";
import { blockedError } from "./step-errors.js";

/** What `destroy` does for a step: its action's declared destroy behaviour, or nothing. */
export function destroyActionOf(step: EngineStep): "delete" | "detach" | undefined {
  const kind = step.spec.destroy ?? "none";
  if (kind === "none" || !step.plugin.hasHook(kind)) return undefined;
  return kind;
}

/**
 * One attempt of `destroy` for a step: plan the delete/detach (so an absent compute is a
 * no-op), then delete what it provisioned or detach what it attached.
 */
export async function destroyStepOnce(run: RunContext, step: EngineStep, signal: AbortSignal, deadline: number | undefined): Promise<StepOutcome> {
  const action = destroyActionOf(step)!;
  const plan = await planDestroy(run, step, signal, action);
  if (plan) {
    run.services.emit({ type: "step_planned", time: run.now(), step: step.id, ...planFields(plan) });
    if (plan.change === "blocked") throw blockedError(step.id, plan);
  }
  const result = await callHook(run, step, signal, action, (ctx) => step.plugin.callAction(action, ctx), plan, action);
  if (result.operation) await pollStep(run, step, result.operation, signal, deadline);
  return { status: result.changed === false ? "noop" : "succeeded", outputs: {} };
}

/** A plugin whose plan hook does not know the destroy action still gets its hook called, without a plan. */
async function planDestroy(run: RunContext, step: EngineStep, signal: AbortSignal, action: string): Promise<PlanEntry | undefined> {
  try {
    return await callHook(run, step, signal, "planning", (ctx) => step.plugin.callPlan(ctx), undefined, action);
  } catch (error) {
    if (signal.aborted) throw error;
    return undefined;
  }
}
