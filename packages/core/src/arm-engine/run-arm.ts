import type { RunAzureAccess } from "../azure/azure-access.js";
import type { ComputeflowError } from "../errors.js";
import type { StepGraph } from "../graph/step-graph.js";
import type { AzureAccess, PlanEntry } from "../plugin.js";
import type { EngineStep } from "../runtime/engine-types.js";
import { executeGraph, type Decision } from "../runtime/execute-graph.js";
import { executeStep, finish } from "../runtime/execute-step.js";
import { createWorkspaceReader } from "../runtime/poll-reader.js";
import type { RunContext } from "../runtime/run-context.js";
import { callHook, planFields, runStepOnce } from "../runtime/run-step.js";
import { serializeError } from "../runtime/serialize-error.js";
import { blockedError, toStepError } from "../runtime/step-errors.js";
import { compileTemplate } from "./compile-template.js";
import { DeploymentClient, deploymentName, isActiveState } from "./deployment-client.js";
import { deploymentOperation } from "./follow-deployment.js";
import { placeSteps, unsupported } from "./placement.js";

export interface ArmRunOptions {
  concurrency: number;
  failFast: boolean;
  /** The local engine's decision for a ready step (resume, `if:`). */
  decide(step: EngineStep): Decision | undefined;
}

/**
 * `run --engine arm`: pre-flight every provision and attach step locally, hand them to ARM as
 * one deployment (or re-attach to the one in flight), follow it through the shared poller,
 * then let the local engine confirm each compute (outputs, as `run` computes them) and run
 * the steps that stay local (configure-run files, start/stop ...).
 */
export async function runArm(run: RunContext, graph: StepGraph, byId: ReadonlyMap<string, EngineStep>, order: readonly EngineStep[], options: ArmRunOptions): Promise<void> {
  const started = run.services.clock.now();
  let arm: EngineStep[];
  try {
    arm = placeSteps(order).arm;
  } catch (error) {
    for (const step of order) finish(run, step, "failed", 0, { error: serializeError(toStepError(error)) });
    return;
  }
  const client = new DeploymentClient(run.services.azure, run.workflow.workspace, deploymentName(run.workflow.name));
  const plans = await preflight(run, arm);
  const refused = [...plans].filter((entry): entry is [string, ComputeflowError] => entry[1] instanceof Error);
  if (refused.length > 0) {
    for (const [id, error] of refused) finish(run, byId.get(id)!, "failed", run.services.clock.now() - started, { error: serializeError(error) });
    for (const step of order) if (!(step.id in run.statuses)) finish(run, step, "skipped", 0);
    return;
  }
  // A stopped instance is started by its plugin, which a deployment cannot do: that step runs locally.
  const startLocally = new Set([...plans].filter(([, p]) => (p as PlanEntry | undefined)?.change === "start").map(([id]) => id));
  const deployable = arm.filter((s) => !startLocally.has(s.id));
  const waiting = deployable.find((s) => s.needs.some((id) => startLocally.has(id)));
  if (waiting) {
    finish(run, waiting, "failed", 0, { error: serializeError(unsupported(waiting, `it needs ${waiting.needs.filter((id) => startLocally.has(id)).join(", ")}, which must be started locally first`)) });
    for (const step of order) if (!(step.id in run.statuses)) finish(run, step, "skipped", 0);
    return;
  }
  const changed = new Set([...plans].filter(([id, p]) => !startLocally.has(id) && (p as PlanEntry | undefined)?.change !== "noop").map(([id]) => id));
  const failures = new Map<string, ComputeflowError>();
  const succeeded = new Set<string>();
  let deploymentFailed = false;
  const deployed = new Set<string>();
  const inFlight = deployable.length > 0 && isActiveState((await client.get(run.signal))?.properties?.provisioningState);
  if (inFlight || changed.size > 0) {
    try {
      if (inFlight) log(run, deployable[0]!, `ARM deployment ${client.name} is still running (an earlier run started it): following it instead of submitting another`);
      else {
        const compiled = await compileTemplate(run, deployable);
        const sent = await client.submit(compiled, run.signal);
        log(run, deployable[0]!, sent === "active" ? `ARM deployment ${client.name} was already running: following it` : `submitted ARM deployment ${client.name} (${compiled.resources.length} resources)`);
      }
      const stepOfCompute = computeNames(deployable);
      const started = new Set<string>();
      try {
        await run.services.poller.track(
          deploymentOperation(client, stepOfCompute, (signal) => {
            if (!started.has(signal.step)) {
              started.add(signal.step);
              const step = byId.get(signal.step)!;
              run.services.emit({ type: "step_started", time: run.now(), step: step.id, uses: step.uses, action: step.action, attempt: 1 });
            }
            run.services.emit({ type: "step_progress", time: run.now(), step: signal.step, progress: { provisioningState: signal.provisioningState, message: `in ARM deployment ${client.name}` } });
            deployed.add(signal.compute);
            if (signal.provisioningState === "Succeeded") succeeded.add(signal.step);
            if (signal.error) failures.set(signal.step, signal.error);
          }),
          { step: deployable[0]!.id, workspace: run.workflow.workspace, signal: run.signal },
        );
      } finally {
        noteDeployed(run, deployed);
      }
    } catch (error) {
      if (run.signal.aborted) return;
      deploymentFailed = true;
      if (failures.size === 0) for (const step of deployable) if (!succeeded.has(step.id)) failures.set(step.id, toStepError(error));
    }
    // One fresh list of the workspace, so plugins that look at the whole list see what ARM created.
    await relist(run).catch(() => undefined);
  }
  const armIds = new Set(deployable.map((s) => s.id));
  await executeGraph(run, graph, byId, {
    concurrency: options.concurrency,
    failFast: options.failFast,
    decide: (step) => (deploymentFailed && armIds.has(step.id) && !failures.has(step.id) && !succeeded.has(step.id) ? { status: "skipped" } : options.decide(step)),
    execute: (step) => {
      const failure = failures.get(step.id);
      if (failure) return executeStep(run, step, () => Promise.reject(failure));
      return executeStep(run, step, async (signal) => {
        const outcome = await runStepOnce(run, step, signal);
        return changed.has(step.id) ? { ...outcome, status: "succeeded" } : outcome;
      });
    },
  });
}

/** Plans each ARM step as `run` would; a step whose inputs wait for the deployment is a create. */
async function preflight(run: RunContext, arm: readonly EngineStep[]): Promise<Map<string, PlanEntry | undefined | ComputeflowError>> {
  const plans = new Map<string, PlanEntry | undefined | ComputeflowError>();
  await Promise.all(
    arm.map(async (step) => {
      try {
          step.resolveWith(run.outputs);
        } catch {
          plans.set(step.id, { change: "create", summary: "inputs known after the deployment" });
          return;
        }
      try {
          const plan = await callHook(run, step, run.signal, "planning", (ctx) => step.plugin.plan(step.action, ctx), undefined);
          if (plan) run.services.emit({ type: "step_planned", time: run.now(), step: step.id, ...planFields(plan) });
          if (plan?.change === "blocked") plans.set(step.id, blockedError(step.id, plan));
          else if (plan && ["replace-required", "reattach", "detach", "delete"].includes(plan.change)) {
            plans.set(step.id, unsupported(step, `its plan is "${plan.change}", which a deployment cannot do (it only creates and updates)`));
          } else plans.set(step.id, plan);
        } catch (error) {
          plans.set(step.id, toStepError(error));
        }
      }),
    );
    return plans;
  }

  /**
   * The deployment wrote these computes on Azure's side, where the run's request gate does not
   * see it: the run's shared reads must read them again instead of answering from the listing
   * made before the deployment (which would show them absent, and the confirmation would create).
   */
  function noteDeployed(run: RunContext, computes: ReadonlySet<string>): void {
    const ws = run.workflow.workspace;
    const access = run.services.azure as Partial<RunAzureAccess>;
    // By name: a compute read by name is read again even if the list below cannot be made.
  for (const compute of computes) {
      access.feed?.noteWrite(`/subscriptions/${ws.subscriptionId}/resourceGroups/${ws.resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/${ws.name}/computes/${encodeURIComponent(compute)}`);
    }
  }

  /** Lists the workspace's computes once; the list replaces the run's shared reads' older one. */
async function relist(run: RunContext): Promise<void> {
  const access = run.services.azure as AzureAccess & Partial<RunAzureAccess>;
  await createWorkspaceReader((request) => access.send(request), run.workflow.workspace, access.feed).compute(run.workflow.workspace.name);
}

/** compute name (lower case) -> step id. */
  function computeNames(arm: readonly EngineStep[]): Map<string, string> {
    return new Map(arm.map((step) => [step.name.toLowerCase(), step.id] as const));
  }

  function log(run: RunContext, step: EngineStep, message: string): void {
    run.services.emit({ type: "step_log", time: run.now(), step: step.id, level: "info", message });
  }
