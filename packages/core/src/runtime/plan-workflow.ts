import type { Outputs, PlanEntry } from "../plugin.js";
import type { EngineStep } from "./engine-types.js";
import type { RunEvent, StepStatus } from "./events.js";
import type { RunContext } from "./run-context.js";
import { callHook, planFields } from "./run-step.js";
import { serializeError } from "./serialize-error.js";
import { toStepError } from "./step-errors.js";

interface Planned {
  status: StepStatus;
  events: RunEvent[];
  /** The plan's effect (noop, change, blocked ...). */
  change?: string;
  /** Its `with` reads outputs of other steps (taken from the last run). */
  readsOutputs?: boolean;
}

/**
 * `plan`: asks every step's plugin what `run` would do, reading only. Plans are read in
 * parallel and reported in dependency order. A step whose inputs need outputs that do not
 * exist yet is planned as its action's default, "inputs known after apply".
 *
 * Outputs of the last run (`lastRun`, from the journal) stand in for those of steps that
 * still exist: a step reading them is planned for real, unless a step it needs plans a change
 * (its outputs may then differ), so a rerun that `run` would find a no-op plans as one.
 */
export async function planWorkflow(run: RunContext, order: readonly EngineStep[], concurrency: number, lastRun?: ReadonlyMap<string, Outputs>): Promise<void> {
  for (const step of order) {
    const outputs = lastRun?.get(step.id);
    if (outputs) run.outputs[step.id] = outputs;
  }
  const results: (Planned | undefined)[] = new Array(order.length);
  const changes = new Map<string, string | undefined>();
  let next = 0;
  let reported = 0;
  const flush = (): void => {
    for (; reported < order.length && results[reported]; reported++) {
      const step = order[reported]!;
      if (results[reported]!.readsOutputs && step.needs.some((id) => changes.get(id) !== "noop")) {
        results[reported] = planned(run, step, { change: step.plugin.defaultLabel(step.action), summary: "inputs known after apply" }, run.services.clock.now());
      }
      const { status, events, change } = results[reported]!;
      changes.set(step.id, change);
      run.statuses[step.id] = status;
      for (const event of events) run.services.emit({ ...event, time: run.now() });
    }
  };
  const worker = async (): Promise<void> => {
    while (next < order.length && !run.signal.aborted) {
      const index = next++;
      results[index] = await planStep(run, order[index]!);
      flush();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, order.length)) }, worker));
}

async function planStep(run: RunContext, step: EngineStep): Promise<Planned> {
  const started = run.services.clock.now();
  try {
    step.resolveWith(run.outputs);
  } catch {
    return planned(run, step, { change: step.plugin.defaultLabel(step.action), summary: "inputs known after apply" }, started);
  }
  const readsOutputs = !resolvesWithout(step);
  try {
    const plan = (await callHook(run, step, run.signal, "planning", (ctx) => step.plugin.plan(step.action, ctx), undefined)) ?? { change: step.plugin.defaultLabel(step.action) };
    return { ...planned(run, step, plan, started), readsOutputs };
  } catch (thrown) {
    const error = serializeError(toStepError(thrown));
    return { status: "failed", events: [{ type: "step_finished", time: run.now(), step: step.id, status: "failed", durationMs: run.services.clock.now() - started, error }] };
  }
}

function resolvesWithout(step: EngineStep): boolean {
  try {
    step.resolveWith({});
    return true;
  } catch {
    return false;
  }
}

function planned(run: RunContext, step: EngineStep, plan: PlanEntry, started: number): Planned {
  const events: RunEvent[] = [{ type: "step_planned", time: run.now(), step: step.id, ...planFields(plan) }];
  const effect = step.plugin.effectOf(step.action, plan.change);
  const status: StepStatus = effect === "blocked" ? "failed" : effect === "noop" ? "noop" : "succeeded";
  if (status === "failed") {
    events.push({
      type: "step_finished",
      time: run.now(),
      step: step.id,
      status,
      durationMs: run.services.clock.now() - started,
      error: { code: plan.code ?? "E_BLOCKED", message: plan.reason ?? plan.summary ?? "blocked", retryable: false, errorClass: "validation", ...(plan.hint ? { hint: plan.hint } : {}) },
    });
  }
  return { status, events, change: effect };
}
