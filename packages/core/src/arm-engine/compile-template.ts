import type { Outputs } from "../plugin.js";
import type { EngineStep } from "../runtime/engine-types.js";
import type { RunContext } from "../runtime/run-context.js";
import { bodyStepRequest, type StepRequest } from "./body-request.js";
import { outputMarker, parameterFor, parameterizeBody, parameterName, type ParameterRef } from "./parameterize.js";
import { placeSteps, specOf, unsupported } from "./placement.js";
import { COMPUTE_TYPE, computeResourceId, quote, TEMPLATE_SCHEMA, type ArmTemplate, type TemplateParameter, type TemplateResource } from "./template-types.js";

/** A compiled workflow: the template, what each step became, and what stays local. */
export interface CompiledTemplate {
  template: ArmTemplate;
  /** ARM steps in dependency order, with the compute each creates and the body `run` would send. */
  resources: { step: EngineStep; request: StepRequest }[];
  /** Steps the local engine runs once the deployment has finished. */
  local: EngineStep[];
  /** Values of the securestring parameters, for the deployment request only. Never print them. */
  secureValues: Record<string, string>;
}

/** Outputs a later step may read from a deployed compute, as template expressions. */
function outputExpression(workspace: string, compute: string, key: string, apiVersion: string): string | undefined {
  const id = computeResourceId(workspace, compute);
  if (key === "name") return quote(compute);
  if (key === "id") return id;
  if (key === "principal_id") return `reference(${id}, ${quote(apiVersion)}, 'Full').identity.principalId`;
  return undefined;
}

/** Compiles the workflow's provision and attach steps into one deployment template (2019-04-01 schema). */
export async function compileTemplate(run: RunContext, order: readonly EngineStep[]): Promise<CompiledTemplate> {
  const { arm, local } = placeSteps(order);
  const workspace = run.workflow.workspace.name;
  const requests = new Map<string, Promise<StepRequest>>();
  const byId = new Map(arm.map((s) => [s.id, s] as const));
  const requestOf = (step: EngineStep): Promise<StepRequest> => {
    let pending = requests.get(step.id);
    if (!pending) {
      pending = (async () => {
        const needs: Record<string, Outputs> = {};
        for (const id of step.needs) {
          const dep = byId.get(id)!;
          const compute = (await requestOf(dep)).compute;
          needs[id] = Object.fromEntries(Object.keys(specOf(dep)?.outputs ?? { name: "", id: "" }).map((k) => [k, k === "name" ? compute : outputMarker(id, k)]));
        }
        // The plugin's own body(input): placeSteps refused every step whose action has none.
        return bodyStepRequest(run, step, needs);
      })();
      requests.set(step.id, pending);
    }
    return pending;
  };
  const built = await Promise.all(arm.map(requestOf));
  const computeOf = new Map(arm.map((s, i) => [s.id, built[i]!] as const));

  const parameters: Record<string, TemplateParameter> = {};
  const secureValues: Record<string, string> = {};
  const resources: TemplateResource[] = arm.map((step, i) => {
    const request = built[i]!;
    const refs: ParameterRef[] = [];
    for (const ref of step.references?.() ?? []) {
      if (ref.context === "steps" || ref.value === undefined) continue;
      const name = parameterName(ref.context, ref.name);
      const secret = ref.context === "secrets";
      refs.push({ parameter: name, value: ref.value, secret });
      parameters[name] ??= parameterFor({ parameter: name, value: ref.value, secret }, `${ref.context}.${ref.name}`);
      if (secret) secureValues[name] = String(ref.value);
    }
    const resolve = (marker: string): string => {
      const [dep = "", key = ""] = marker.split(".");
      const target = computeOf.get(dep);
      const expr = target && outputExpression(workspace, target.compute, key, target.apiVersion);
      if (!expr) throw unsupported(step, `output \`${key}\` of step ${dep} is known only after the deployment and has no template expression`);
      return expr;
    };
    const body = parameterizeBody(request.body, refs, resolve) as Record<string, unknown>;
    const dependsOn = step.needs.map((id) => `[${computeResourceId(workspace, computeOf.get(id)!.compute)}]`);
    const { name: _n, id: _i, type: _t, ...rest } = body;
    return { type: COMPUTE_TYPE, apiVersion: request.apiVersion, name: `${workspace}/${request.compute}`, ...(dependsOn.length ? { dependsOn } : {}), ...rest };
  });

  const outputs: ArmTemplate["outputs"] = {};
  for (const step of order) {
    for (const ref of step.references?.() ?? []) {
      if (ref.context !== "steps") continue;
      const [dep = "", key = ""] = ref.name.split(".");
      const target = computeOf.get(dep);
      const expr = target && outputExpression(workspace, target.compute, key, target.apiVersion);
      if (expr) outputs[`${dep}.${key}`.replace(/[^A-Za-z0-9_]/g, "_")] = { type: "string", value: `[${expr}]` };
    }
  }
  const template: ArmTemplate = {
    $schema: TEMPLATE_SCHEMA,
    contentVersion: "1.0.0.0",
    metadata: {
      generator: "computeflow",
      workflow: run.workflow.name,
      steps: Object.fromEntries(arm.map((s) => [s.id, computeOf.get(s.id)!.compute])),
      localSteps: local.map((s) => s.id),
    },
    parameters,
    resources,
    outputs,
  };
  assertNoSecretValues(template, run.workflow.secrets);
  return { template, resources: arm.map((step) => ({ step, request: computeOf.get(step.id)! })), local, secureValues };
}

function assertNoSecretValues(template: ArmTemplate, secrets: readonly string[]): void {
  const text = JSON.stringify(template);
  if (secrets.some((s) => s.length > 0 && text.includes(s))) {
    throw unsupported(undefined, "a secret value would appear in the template outside a securestring parameter", "pass the secret only in fields the plugin declares secret");
  }
}
