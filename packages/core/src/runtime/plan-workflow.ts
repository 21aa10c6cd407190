import type { PlanEntry } from "../plugin.js";
import { defaultChange } from "./default-change.js";
import type { EngineStep } from "./engine-types.js";
import type { StepStatus } from "./events.js";
import type { RunContext } from "./run-context.js";
import { callHook, planFields } from "./run-step.js";
import { serializeError } from "./serialize-error.js";
import { toStepError } from "./step-errors.js";

/**
 * `plan`: asks every step's plugin what `run` would do, reading only. A step whose inputs
 * need outputs that do not exist yet is planned as its action's default, "known after apply".
 */
export async function planWorkflow(run: RunContext, order: readonly EngineStep[], concurrency: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < order.length && !run.signal.aborted) {
      const step = order[next++]!;
      run.statuses[step.id] = await planStep(run, step);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, order.length)) }, worker));
}

async function planStep(run: RunContext, step: EngineStep): Promise<StepStatus> {
  const started = run.services.clock.now();
  let plan: PlanEntry;
  try {
    step.resolveWith(run.outputs);
  } catch {
    return emit(run, step, { change: defaultChange(step.action), summary: "inputs known after apply" }, started);
  }
  try {
    plan = (await callHook(run, step, run.signal, "planning", (ctx) => step.plugin.callPlan(ctx), undefined)) ?? { change: defaultChange(step.action) };
  } catch (thrown) {
    const error = serializeError(toStepError(thrown));
    run.services.emit({ type: "step_finished", time: run.now(), step: step.id, status: "failed", durationMs: run.services.clock.now() - started, error });
    return "failed";
  }
  return emit(run, step, plan, started);
}

function emit(run: RunContext, step: EngineStep, plan: PlanEntry, started: number): StepStatus {
  run.services.emit({ type: "step_planned", time: run.now(), step: step.id, ...planFields(plan) });
  const status: StepStatus = plan.change === "blocked" ? "failed" : plan.change === "noop" ? "noop" : "succeeded";
  if (status === "failed") {
    run.services.emit({
      type: "step_finished",
      time: run.now(),
      step: step.id,
      status,
      durationMs: run.services.clock.now() - started,
      error: { code: plan.code ?? "E_BLOCKED", message: plan.reason ?? plan.summary ?? "blocked", retryable: false, errorClass: "validation", ...(plan.hint ? { hint: plan.hint } : {}) },
    });
  }
  return status;
}
