import type { Outputs } from "../plugin.js";
import type { EngineStep } from "../runtime/engine-types.js";
import type { RunContext } from "../runtime/run-context.js";
import { readPathFiles } from "../workflow/path-files.js";
import type { StepRequest } from "./capture-request.js";
import { unsupported } from "./placement.js";

/** True when the step's plugin declares a side-effect-free `body(input)` for its action. */
export function hasBody(step: EngineStep): boolean {
  return step.plugin.hasBody?.(step.action) === true;
}

/**
 * A step's create request from its plugin's `body(input)`: the request `apply` sends, built
 * without sending anything. `needs` holds what dependencies will publish (names known now,
 * the rest as markers), so the body carries them where `run` would have the values.
 */
export async function bodyStepRequest(run: RunContext, step: EngineStep, needs: Record<string, Outputs>): Promise<StepRequest> {
  const workspace = step.workspace ?? run.workflow.workspace;
  const { location = "" } = await run.services.azureFor(workspace.subscriptionId).reads.workspace(workspace);
  const { value } = step.resolveWith(needs);
  // placeSteps refused steps that name local files, so `files` is empty here; read the same way as run's.
  const files = readPathFiles(step.plugin.pathFields?.(step.action) ?? [], value, step.dir ?? run.workflow.dir);
  const request = step.plugin.body!(step.action, value, { computeName: step.name, workspace, location, files }, step.id);
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
