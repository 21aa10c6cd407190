import { ComputeflowError } from "../errors.js";
import type { Outputs, PlanEntry } from "../plugin.js";
import type { EngineStep } from "../runtime/engine-types.js";
import type { RunContext } from "../runtime/run-context.js";
import { readPathFiles } from "../workflow/path-files.js";
import { callHook } from "../runtime/run-step.js";
import { blockedError } from "../runtime/step-errors.js";
import { unsupported } from "./placement.js";

/** The one request a provision or attach step sends to create its compute. */
export interface StepRequest {
  compute: string;
  apiVersion: string;
  /** Parsed from the JSON text the request carries. */
  body: Record<string, unknown>;
  bodyText: string;
}

/**
 * A step's create request from its plugin's `body(input)`: the request `apply` sends, built
 * without sending anything. `needs` holds what dependencies will publish (names known now,
 * the rest as markers), so the body carries them where `run` would have the values. An
 * action whose body reads its plan (`planBeforeBody`) is planned first, reads only.
 */
export async function bodyStepRequest(run: RunContext, step: EngineStep, needs: Record<string, Outputs>): Promise<StepRequest> {
  const workspace = step.workspace ?? run.workflow.workspace;
  const { location = "", workspaceId } = await run.services.azureFor(workspace.subscriptionId).reads.workspace(workspace);
  const plan = step.plugin.planBeforeBody?.(step.action) === true ? await planForBody(run, step, needs) : undefined;
  const { value } = step.resolveWith(needs);
  // placeSteps refused steps that name local files, so `files` is empty here; read the same way as run's.
  const files = readPathFiles(step.plugin.pathFields?.(step.action) ?? [], value, step.dir ?? run.workflow.dir);
  const request = step.plugin.body!(step.action, value, { computeName: step.name, workspace, location, files, ...(workspaceId ? { workspaceId } : {}), ...(plan ? { plan } : {}) }, step.id);
  const computes = `/providers/Microsoft.MachineLearningServices/workspaces/${workspace.name}/computes/`.toLowerCase();
  if (!request || request.method !== "PUT" || !request.path.toLowerCase().includes(computes)) {
    const sent = request ? `${request.method} ${request.path}` : "nothing";
    throw unsupported(step, `a template resource is one PUT of a workspace compute, but the plugin's body() gives ${sent}`);
  }
  // The bytes the SDK or a raw request would serialise: JSON, undefined fields dropped.
  const bodyText = JSON.stringify(request.body ?? {});
  return {
    compute: decodeURIComponent(request.path.split("?")[0]!.replace(/\/+$/, "").split("/").pop()!),
    apiVersion: request.apiVersion,
    body: JSON.parse(bodyText) as Record<string, unknown>,
    bodyText,
  };
}

/** The step's plan as `run` makes it (reads only), with `needs` as the outputs it reads; a blocked plan is refused. */
async function planForBody(run: RunContext, step: EngineStep, needs: Record<string, Outputs>): Promise<PlanEntry | undefined> {
  const planning: RunContext = { ...run, outputs: needs, activeHooks: new Map() };
  const plan = await callHook(planning, step, run.signal, "compiling", (ctx) => step.plugin.plan(step.action, ctx), undefined);
  if (plan?.change === "blocked") throw blockedCompile(step.id, plan);
  return plan;
}

/** A blocked step stops the compilation with its own code, reason and hint. */
function blockedCompile(stepId: string, plan: PlanEntry): ComputeflowError {
  const blocked = blockedError(stepId, plan);
  return new ComputeflowError({ code: blocked.code, errorClass: "validation", retryable: false, message: `step ${stepId}: ${blocked.message}`, ...(blocked.hint ? { hint: blocked.hint } : {}) });
}
