import { randomUUID } from "node:crypto";
import { fail, type Reply } from "../arm/arm-error.js";
import { requireResourceGroup } from "../handlers/lookup.js";
import type { RequestContext } from "../http/context.js";
import { retryAfterHeaders } from "../state/lro-reply.js";
import { deploymentBody, deploymentKey, deploymentsOf, isActive, operationBody, type Deployment, type ResourceOperation } from "./deployment-record.js";
import { checkTemplate, COMPUTE_TYPE, evaluateValue, parameterValues, type Template } from "./evaluate-template.js";
import { progressDeployment, scopeOf, type DeploymentHost } from "./run-deployment.js";
import { TemplateError } from "./template-expression.js";
import { whatIf } from "./what-if.js";

export const DEPLOYMENT_API_VERSIONS = ["2025-03-01", "2024-03-01", "2021-04-01"] as const;

interface DeploymentRequest {
  properties?: { mode?: string; template?: Template; parameters?: Record<string, { value?: unknown }> };
}

function find(ctx: RequestContext): Deployment | undefined {
  const { subscriptionId, resourceGroupName, deploymentName } = ctx.params as Record<string, string>;
  return deploymentsOf(ctx.state).get(deploymentKey(subscriptionId!, resourceGroupName!, deploymentName!));
}

function requireDeployment(ctx: RequestContext): Deployment {
  requireResourceGroup(ctx);
  const d = find(ctx);
  if (!d) fail(404, "DeploymentNotFound", `Deployment '${ctx.params.deploymentName}' could not be found.`);
  return d;
}

function invalidTemplate(e: unknown): never {
  if (e instanceof TemplateError) fail(400, "InvalidTemplate", `Deployment template validation failed: '${e.message}'.`);
  throw e;
}

/** Validates a deployment request and evaluates what is known before deploying: resource ids and dependencies. */
function prepare(ctx: RequestContext): { template: Template; parameters: Record<string, unknown>; secure: Set<string>; operations: ResourceOperation[] } {
  const body = (ctx.body ?? {}) as DeploymentRequest;
  const props = body.properties;
  if (!props || typeof props !== "object") fail(400, "InvalidRequestContent", "The request content must have 'properties'.");
  if (props.mode !== "Incremental" && props.mode !== "Complete") fail(400, "InvalidDeploymentMode", "The deployment mode must be 'Incremental' or 'Complete'.");
  if (props.mode === "Complete") fail(400, "InvalidDeploymentMode", "The emulator deploys in 'Incremental' mode only.");
  const template = props.template as Template;
  try {
    checkTemplate(template);
    const parameters = parameterValues(template, props.parameters);
    const secure = new Set(Object.entries(template.parameters ?? {}).filter(([, p]) => String(p.type).toLowerCase() === "securestring").map(([k]) => k));
    const scope = { ...scopeOf({ parameters, subscription: ctx.params.subscriptionId!, resourceGroup: ctx.params.resourceGroupName!, operations: [] } as unknown as Deployment, ctx.state) };
    const operations = template.resources!.map((r, index): ResourceOperation => {
      const name = String(evaluateValue(r.name, scope));
      const [ws, compute, ...extra] = name.split("/");
      if (!ws || !compute || extra.length > 0) throw new TemplateError(`The resource name '${name}' of type '${COMPUTE_TYPE}' must have two segments (workspace/compute).`);
      const id = `/subscriptions/${ctx.params.subscriptionId}/resourceGroups/${ctx.params.resourceGroupName}/providers/Microsoft.MachineLearningServices/workspaces/${ws}/computes/${compute}`;
      const dependsOn = (r.dependsOn ?? []).map((dep) => String(evaluateValue(dep, scope)).toLowerCase());
      return { operationId: randomUUID().replace(/-/g, "").slice(0, 16).toUpperCase(), index, id, resourceName: name, compute, dependsOn, state: "Pending", provisioningOperation: "Create" };
    });
    const ids = new Set(operations.map((o) => o.id.toLowerCase()));
    for (const o of operations) for (const dep of o.dependsOn) if (!ids.has(dep)) throw new TemplateError(`The resource '${dep}' is not defined in the template.`);
    return { template, parameters, secure, operations };
  } catch (e) {
    return invalidTemplate(e);
  }
}

export function deploymentHandlers(host: DeploymentHost) {
  const asyncUrl = (ctx: RequestContext, d: Deployment) =>
    `${ctx.endpoint}${d.id}/operationStatuses/${d.asyncId}?api-version=${ctx.url.searchParams.get("api-version")}`;
  return {
    put(ctx: RequestContext): Reply {
      requireResourceGroup(ctx);
      const existing = find(ctx);
      const name = ctx.params.deploymentName!;
      if (existing && isActive(existing)) {
        fail(409, "DeploymentActive", `Unable to edit or replace deployment '${name}': previous deployment from '${new Date(existing.startedAt).toISOString()}' is still active (state: ${existing.state}). Please see https://aka.ms/arm-deploy for usage details.`);
      }
      const prepared = prepare(ctx);
      const rg = ctx.state.resourceGroup(ctx.params.subscriptionId!, ctx.params.resourceGroupName!)!;
      const d: Deployment = {
        id: `/subscriptions/${rg.subscription}/resourceGroups/${rg.name}/providers/Microsoft.Resources/deployments/${name}`,
        name,
        subscription: rg.subscription,
        resourceGroup: rg.name,
        location: rg.location,
        state: "Accepted",
        correlationId: String(ctx.headers["x-ms-correlation-request-id"] ?? randomUUID()),
        startedAt: ctx.state.now(),
        asyncId: randomUUID(),
        ...prepared,
      };
      deploymentsOf(ctx.state).set(deploymentKey(rg.subscription, rg.name, name), d);
      queueMicrotask(() => progressDeployment(d, host));
      return { status: 201, body: deploymentBody(d), headers: { "Azure-AsyncOperation": asyncUrl(ctx, d), ...retryAfterHeaders(ctx.state.ms(ctx.state.world.durations.retry_after)) }, created: !existing };
    },
    get(ctx: RequestContext): Reply {
      const d = requireDeployment(ctx);
      progressDeployment(d, host);
      return { status: 200, body: deploymentBody(d) };
    },
    delete(ctx: RequestContext): Reply {
      const d = requireDeployment(ctx);
      if (isActive(d)) fail(409, "DeploymentActive", `Deployment '${d.name}' is still active (state: ${d.state}); cancel it or wait for it to finish.`);
      deploymentsOf(ctx.state).delete(deploymentKey(d.subscription, d.resourceGroup, d.name));
      return { status: 200 };
    },
    operations(ctx: RequestContext): Reply {
      const d = requireDeployment(ctx);
      progressDeployment(d, host);
      return { status: 200, body: { value: d.operations.filter((o) => o.state !== "Pending").map((o) => operationBody(d, o)) } };
    },
    status(ctx: RequestContext): Reply {
      const d = requireDeployment(ctx);
      if (ctx.params.operationId !== d.asyncId) fail(404, "OperationNotFound", `The operation '${ctx.params.operationId}' was not found.`);
      progressDeployment(d, host);
      const status = d.state === "Accepted" ? "Running" : d.state;
      const body = { status, ...(d.error ? { error: d.error } : {}) };
      return isActive(d) ? { status: 200, body, headers: retryAfterHeaders(ctx.state.ms(ctx.state.world.durations.retry_after)) } : { status: 200, body };
    },
    whatIf(ctx: RequestContext): Reply {
      requireResourceGroup(ctx);
      const prepared = prepare(ctx);
      return { status: 200, body: whatIf(ctx.state, prepared.template, prepared.parameters, prepared.operations, ctx.params.subscriptionId!, ctx.params.resourceGroupName!) };
    },
  };
}
