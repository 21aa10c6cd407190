import type { Operation, Outputs, PlanEntry, StepResult } from "../plugin.js";
import type { EngineStep } from "./engine-types.js";
import type { StepStatus } from "./events.js";
import { journalEarlyOutputs } from "./resume-outputs.js";
import type { RunContext } from "./run-context.js";
import { buildStepContext } from "./step-context.js";
import { refusal } from "./step-errors.js";
import { stepScope } from "./step-scope.js";
import { raceAbort } from "./with-deadline.js";

export interface StepOutcome {
  status: Extract<StepStatus, "succeeded" | "noop">;
  outputs: Outputs;
  files?: string[];
}

/** One attempt of a `run` step: plan, refuse what must be refused, act, poll. Throws on failure. */
export async function runStepOnce(run: RunContext, step: EngineStep, signal: AbortSignal): Promise<StepOutcome> {
  const plan = (await earlyPlan(run, step, signal)) ?? (await callHook(run, step, signal, "planning", (ctx) => step.plugin.plan(step.action, ctx), undefined));
  if (plan) {
    run.services.emit({ type: "step_planned", time: run.now(), step: step.id, ...planFields(plan) });
    const refused = refusal(step.id, plan, step.plugin.effectOf(step.action, plan.change), run.allowReplace);
    if (refused) throw refused;
  }
  const result: StepResult = await callHook(run, step, signal, step.action, (ctx) => step.plugin.apply(step.action, ctx), plan);
  let outputs: Outputs = { ...(result.outputs ?? {}) };
  if (result.operation) journalEarlyOutputs(run, step, result.outputs);
  if (result.operation) outputs = { ...outputs, ...(await pollStep(run, step, result.operation, signal)) };
  const changed = result.changed ?? true;
  return { status: changed ? "succeeded" : "noop", outputs, ...(result.files ? { files: result.files } : {}) };
}

/** The plan started at run start for this step, taken once; undefined when there is none or it failed. */
async function earlyPlan(run: RunContext, step: EngineStep, signal: AbortSignal): Promise<PlanEntry | undefined> {
  const early = run.earlyPlans?.get(step.id);
  if (!early) return undefined;
  run.earlyPlans!.delete(step.id);
  try {
    return await raceAbort(early, signal);
  } catch (error) {
    if (signal.aborted) throw error;
    return undefined;
  }
}

/**
 * Hands a step's operation to the run's shared poller; progress becomes events. The step's
 * timeout reaches the poller only through `signal` (stepSignal aborts it with the step's own
 * E_TIMEOUT): a second deadline here raced that timer, and whichever fired first decided the
 * message ("exceeded the default timeout of provision steps" or "timed out while creating").
 */
export async function pollStep(run: RunContext, step: EngineStep, operation: Operation, signal: AbortSignal): Promise<Outputs> {
  run.polling.add(step.id);
  run.onSlotFreed?.();
  try {
    return await run.services.poller.track(operation, {
      step: step.id,
      workspace: step.workspace ?? run.workflow.workspace,
      signal,
      onProgress: (progress) => run.services.emit({ type: "step_progress", time: run.now(), step: step.id, progress }),
    });
  } finally {
    run.polling.delete(step.id);
  }
}

/** Builds a fresh context and calls one hook inside the step's request scope. */
export async function callHook<T>(
  run: RunContext,
  step: EngineStep,
  signal: AbortSignal,
  label: string,
  hook: (ctx: ReturnType<typeof buildStepContext>) => Promise<T>,
  plan: PlanEntry | undefined,
  action: string = step.action,
  /** False for a pre-flight started ahead of the step: it is not reported as running. */
  track = true,
): Promise<T> {
  // A destroy hook (the delete or detach of a step declared as provision or attach) uses no
  // secret: `computeflow destroy` must not demand the ones only the create needed.
  const resolved = step.resolveWith(run.outputs, action === step.action ? undefined : { missingSecrets: "null" });
  for (const secret of resolved.secrets) run.services.redactor.add(secret);
  const ctx = buildStepContext(run.services, {
    step: { id: step.id, name: step.name, uses: step.uses, action },
    with: resolved.value,
    workspace: step.workspace ?? run.workflow.workspace,
    workflowDir: step.dir ?? run.workflow.dir,
    ...(run.workflow.projectRoot ? { projectRoot: run.workflow.projectRoot } : {}),
    plan,
    allowReplace: run.allowReplace,
    needs: Object.fromEntries(step.needs.map((id) => [id, run.outputs[id] ?? {}])),
    signal,
    pathFields: step.plugin.pathFields?.(step.action) ?? [],
  });
  if (track) run.activeHooks.set(step.id, `${label} ${step.name}`);
  try {
    return await raceAbort(stepScope.run({ stepId: step.id }, () => hook(ctx)), signal);
  } finally {
    if (track) run.activeHooks.delete(step.id);
  }
}

export function planFields(plan: PlanEntry): Omit<PlanEntry, "change" | "state"> & { change: PlanEntry["change"] } {
  const { state: _state, ...visible } = plan;
  return visible;
}
