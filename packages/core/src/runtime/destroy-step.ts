import type { EngineStep } from "./engine-types.js";
import type { RunContext } from "./run-context.js";
import type { StepOutcome } from "./run-step.js";
import { callHook, pollStep } from "./run-step.js";

/** What `destroy` does for a step: its action's declared destroy behaviour, or nothing. */
export function destroyActionOf(step: EngineStep): "delete" | "detach" | undefined {
  const kind = step.spec.destroy ?? "none";
  if (kind === "none" || !step.plugin.hasHook(kind)) return undefined;
  return kind;
}

/** One attempt of `destroy` for a step: delete what it provisioned, detach what it attached. */
export async function destroyStepOnce(run: RunContext, step: EngineStep, signal: AbortSignal, deadline: number | undefined): Promise<StepOutcome> {
  const action = destroyActionOf(step)!;
  const result = await callHook(run, step, signal, action, (ctx) => step.plugin.callAction(action, ctx), undefined, action);
  if (result.operation) await pollStep(run, step, result.operation, signal, deadline);
  return { status: result.changed === false ? "noop" : "succeeded", outputs: {} };
}
