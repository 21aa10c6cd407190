import type { ChangeKind, FieldChange, PlanEntry } from "../plugin.js";
import type { EngineStep } from "../runtime/engine-types.js";
import { finish } from "../runtime/execute-step.js";
import { planWorkflow } from "../runtime/plan-workflow.js";
import type { RunContext } from "../runtime/run-context.js";
import { planFields } from "../runtime/run-step.js";
import { serializeError } from "../runtime/serialize-error.js";
import { toStepError } from "../runtime/step-errors.js";
import { compileTemplate } from "./compile-template.js";
import { DeploymentClient, deploymentName } from "./deployment-client.js";
import { placeSteps } from "./placement.js";

const CHANGE: Record<string, ChangeKind> = { Create: "create", Modify: "update", NoChange: "noop", Deploy: "update", Delete: "delete", Ignore: "noop" };

/** `plan --engine arm`: ARM's what-if for the compiled template; the steps that stay local are planned by their plugins. */
export async function planArm(run: RunContext, order: readonly EngineStep[], concurrency: number): Promise<void> {
  try {
    const { arm, local } = placeSteps(order);
    const compiled = await compileTemplate(run, arm);
    const client = new DeploymentClient(run.services.azure, run.workflow.workspace, deploymentName(run.workflow.name));
    const result = await client.whatIf(compiled, run.signal);
    const changes = new Map((result.changes ?? []).map((c) => [(c.resourceId ?? "").toLowerCase(), c] as const));
    for (const { step, request } of compiled.resources) {
      const w = run.workflow.workspace;
      const id = `/subscriptions/${w.subscriptionId}/resourceGroups/${w.resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/${w.name}/computes/${request.compute}`.toLowerCase();
      const change = changes.get(id);
      const kind = CHANGE[change?.changeType ?? ""] ?? "blocked";
      const diff: FieldChange[] = (change?.delta ?? []).map((d) => ({ path: d.path, from: d.before, to: d.after }));
      const entry: PlanEntry = {
        change: kind,
        summary: `what-if: ${change?.changeType ?? "no answer"} ${request.compute} (ARM deployment ${client.name})`,
        ...(diff.length ? { diff } : {}),
        ...(kind === "blocked" ? { reason: change?.unsupportedReason ?? "what-if did not report this resource" } : {}),
      };
      run.services.emit({ type: "step_planned", time: run.now(), step: step.id, ...planFields(entry) });
      run.statuses[step.id] = kind === "noop" ? "noop" : kind === "blocked" ? "failed" : "succeeded";
    }
    await planWorkflow(run, local, concurrency);
  } catch (error) {
    for (const step of order) if (!(step.id in run.statuses)) finish(run, step, "failed", 0, { error: serializeError(toStepError(error)) });
  }
}
