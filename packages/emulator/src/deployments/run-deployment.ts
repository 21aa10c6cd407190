import type { ArmErrorBody, Reply } from "../arm/arm-error.js";
import { ArmFailure } from "../arm/arm-error.js";
import { putCompute } from "../handlers/computes-put.js";
import type { RequestContext } from "../http/context.js";
import type { EmulatorState } from "../state/emulator-state.js";
import { ML_API_VERSIONS } from "../routes/api-versions.js";
import type { RequestLogEntry } from "../types.js";
import type { Deployment, ResourceOperation } from "./deployment-record.js";
import { evaluateValue, requestBody } from "./evaluate-template.js";
import { TemplateError } from "./template-expression.js";
import type { EvalScope } from "./template-functions.js";

/** What a deployment needs of the emulator around it. */
export interface DeploymentHost {
  state(): EmulatorState;
  endpoint(): string;
  /** The fault injector's verdict for a PUT a deployment sends (only fail/hang apply inside ARM). */
  operationFault(path: string): "fail" | "hang" | undefined;
  log(entry: RequestLogEntry): void;
}


export function scopeOf(d: Deployment, state: EmulatorState): EvalScope {
  return {
    parameters: d.parameters,
    subscriptionId: d.subscription,
    resourceGroup: d.resourceGroup,
    reference(id, _apiVersion, full) {
      const op = d.operations.find((o) => o.id.toLowerCase() === id.toLowerCase());
      if (op && op.state !== "Succeeded") return undefined;
      const record = computeRecord(state, id);
      if (!record) return undefined;
      return full ? record.body : record.body.properties;
    },
  };
}

function computeRecord(state: EmulatorState, id: string) {
  const m = /\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.MachineLearningServices\/workspaces\/([^/]+)\/computes\/([^/]+)$/i.exec(id);
  if (!m) return undefined;
  const ws = state.workspace(m[1]!, m[2]!, m[3]!);
  const record = ws?.computes.get(m[4]!.toLowerCase());
  return record && !record.deleted ? record : undefined;
}

/**
 * Moves a deployment on: starts every resource whose dependencies succeeded (through the
 * same handler as a direct PUT), notices creates that finished, and settles the deployment.
 * While resources are in flight a timer looks again, as ARM works without being asked.
 */
export function progressDeployment(d: Deployment, host: DeploymentHost): void {
  const state = host.state();
  state.advance();
  if (d.state === "Accepted") d.state = "Running";
  if (d.state !== "Running") return;
  for (const op of d.operations) if (op.state === "Running") observe(op, state);
  const failed = new Set(d.operations.filter((o) => o.state === "Failed").map((o) => o.id.toLowerCase()));
  const done = new Set(d.operations.filter((o) => o.state === "Succeeded").map((o) => o.id.toLowerCase()));
  for (const op of d.operations) {
    if (op.state !== "Pending") continue;
    if (op.dependsOn.some((dep) => failed.has(dep))) continue;
    if (op.dependsOn.every((dep) => done.has(dep))) start(d, op, host);
  }
  const blocked = (op: ResourceOperation) => op.state === "Pending" && op.dependsOn.some((dep) => d.operations.some((o) => o.id.toLowerCase() === dep && (o.state === "Failed" || blockedDeep(d, o))));
  const unsettled = d.operations.some((o) => o.state === "Running" || (o.state === "Pending" && !blocked(o)));
  if (unsettled) {
    schedule(d, host);
    return;
  }
  settle(d, state);
}

function blockedDeep(d: Deployment, op: ResourceOperation, seen = new Set<string>()): boolean {
  if (op.state === "Failed") return true;
  if (op.state !== "Pending" || seen.has(op.id)) return false;
  seen.add(op.id);
  return op.dependsOn.some((dep) => {
    const o = d.operations.find((x) => x.id.toLowerCase() === dep);
    return o !== undefined && blockedDeep(d, o, seen);
  });
}

function schedule(d: Deployment, host: DeploymentHost): void {
  if (d.timer) return;
  const state = host.state();
  const interval = Math.max(5, state.ms(0.5));
  d.timer = setTimeout(() => {
    d.timer = undefined;
    if (host.state() === state) progressDeployment(d, host);
  }, interval);
  d.timer.unref?.();
}

function start(d: Deployment, op: ResourceOperation, host: DeploymentHost): void {
  const state = host.state();
  op.startedAt = state.now();
  op.state = "Running";
  const resource = d.template.resources![op.index]!;
  let body: Record<string, unknown>;
  try {
    body = requestBody(evaluateValue(resource, scopeOf(d, state)) as Record<string, unknown>);
  } catch (e) {
    return finish(op, state, "BadRequest", { code: "InvalidTemplate", message: e instanceof TemplateError ? e.message : String(e) });
  }
  const path = `${op.id}?api-version=${resource.apiVersion}`;
  const [, sub, rg, ws] = /\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.MachineLearningServices\/workspaces\/([^/]+)\//i.exec(op.id) ?? [];
  const fault = host.operationFault(path);
  const ctx: RequestContext = {
    method: "PUT",
    url: new URL(path, host.endpoint()),
    params: { subscriptionId: sub!, resourceGroupName: rg!, workspaceName: ws!, computeName: op.compute },
    body,
    state,
    endpoint: host.endpoint(),
    headers: {},
    ...(fault ? { operationFault: fault } : {}),
  };
  let reply: Reply;
  try {
    reply = ML_API_VERSIONS.includes(resource.apiVersion) ? putCompute(ctx) : { status: 400, body: { error: { code: "NoRegisteredProviderFound", message: `No registered resource provider found for API version '${resource.apiVersion}'.` } } };
  } catch (e) {
    reply = e instanceof ArmFailure ? e.reply : { status: 500, body: { error: { code: "InternalServerError", message: String(e) } } };
  }
  host.log({ method: "PUT", path, status: reply.status, time: new Date().toISOString(), operation: "computes.createOrUpdate", body, via: `deployment:${d.name}`, ...(reply.created ? { created: true } : {}), ...(fault ? { fault } : {}) });
  if (reply.status >= 400) return finish(op, state, statusName(reply.status), (reply.body as { error: ArmErrorBody }).error);
  op.statusCode = reply.status === 201 ? "Created" : "OK";
  observe(op, state);
}

function observe(op: ResourceOperation, state: EmulatorState): void {
  const record = computeRecord(state, op.id);
  const provisioning = record?.body.properties.provisioningState;
  if (provisioning === "Succeeded") return finish(op, state, op.statusCode ?? "OK");
  if (provisioning === "Failed" || provisioning === "Canceled") {
    const errors = record!.body.properties.provisioningErrors as { error: ArmErrorBody }[] | undefined;
    finish(op, state, "Conflict", errors?.[0]?.error ?? record!.operation?.error ?? { code: "ResourceOperationFailure", message: `The resource operation completed with terminal provisioning state '${String(provisioning)}'.` });
  }
}

function finish(op: ResourceOperation, state: EmulatorState, statusCode: string, error?: ArmErrorBody): void {
  op.state = error ? "Failed" : "Succeeded";
  op.statusCode = statusCode;
  op.endedAt = state.now();
  if (error) op.error = error;
}

function settle(d: Deployment, state: EmulatorState): void {
  d.endedAt = state.now();
  const failures = d.operations.filter((o) => o.state === "Failed");
  if (failures.length > 0) {
    d.state = "Failed";
    d.error = {
      code: "DeploymentFailed",
      message: "At least one resource deployment operation failed. Please list deployment operations for details. Please see https://aka.ms/arm-deployment-operations for usage details.",
      details: failures.map((o) => ({ code: o.error!.code, message: o.error!.message, target: o.id })),
    };
    return;
  }
  try {
    const scope = scopeOf(d, state);
    d.outputs = Object.fromEntries(Object.entries(d.template.outputs ?? {}).map(([k, o]) => [k, { type: o.type === "securestring" ? "SecureString" : capital(o.type ?? "string"), value: evaluateValue(o.value, scope) }]));
    d.state = "Succeeded";
  } catch (e) {
    d.state = "Failed";
    d.error = { code: "DeploymentOutputEvaluationFailed", message: `Unable to evaluate template outputs: ${(e as Error).message}` };
  }
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function statusName(status: number): string {
  return ({ 400: "BadRequest", 404: "NotFound", 409: "Conflict", 429: "TooManyRequests", 500: "InternalServerError" } as Record<number, string>)[status] ?? String(status);
}
