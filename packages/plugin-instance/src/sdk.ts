import type { ComputeResource } from "@azure/arm-machinelearningservices";
import { armRequest, ML_API_VERSION, putCompute, startWrite } from "@computeflow/compute-kit";
import { classifyAzureError, ComputeflowError, type ArmRequest, type StepContext } from "@computeflow/core";
import { featureProperties, idleDuration, READ_API_VERSION, SCHEDULES_API_VERSION } from "./body.js";
import type { FeatureInput } from "./features-input.js";

// The instance's Azure calls; get/put/delete/pre-flight are compute-kit's.

export interface WorkspaceInfo {
  location: string;
  workspaceId: string;
  armId: string;
}

export async function workspaceInfo(ctx: StepContext<unknown>): Promise<WorkspaceInfo> {
  const ws = await ctx.azure.reads.workspace(ctx.workspace);
  return { location: ws.location ?? "", workspaceId: ws.workspaceId ?? "", armId: ws.id ?? "" };
}

/**
 * Compute instances named `name` in the subscription's other workspaces of `location`.
 * Undefined when the workspaces cannot be listed (no permission, or an endpoint without
 * the route): the create then meets the rule as ARM's ComputeInstanceNameNotAvailable.
 */
export async function instancesElsewhere(ctx: StepContext<unknown>, name: string, location: string): Promise<ComputeResource[] | undefined> {
  try {
    return await scanWorkspaces(ctx, name, location);
  } catch (error) {
    const status = classifyAzureError(error).status;
    if (status === 403 || status === 404) return undefined;
    throw error;
  }
}

async function scanWorkspaces(ctx: StepContext<unknown>, name: string, location: string): Promise<ComputeResource[]> {
  const ml = await ctx.azure.ml();
  const region = location.toLowerCase().replace(/\s+/g, "");
  const found: ComputeResource[] = [];
  for await (const ws of ml.workspaces.listBySubscription({ abortSignal: ctx.signal })) {
    if ((ws.location ?? "").toLowerCase().replace(/\s+/g, "") !== region || ws.name === undefined || ws.id === undefined) continue;
    const group = /\/resourceGroups\/([^/]+)\//i.exec(ws.id)?.[1];
    if (group === undefined || (group.toLowerCase() === ctx.workspace.resourceGroup.toLowerCase() && ws.name.toLowerCase() === ctx.workspace.name.toLowerCase())) continue;
    for await (const compute of ml.computeOperations.list(group, ws.name, { abortSignal: ctx.signal })) {
      if (compute.name?.toLowerCase() === name.toLowerCase() && compute.properties?.computeType === "ComputeInstance") found.push(compute);
    }
  }
  return found;
}

export type PowerAction = "start" | "stop" | "restart";

export async function beginPower(ctx: StepContext<unknown>, name: string, action: PowerAction): Promise<void> {
  const ml = await ctx.azure.ml();
  const ops = ml.computeOperations;
  const args = [ctx.workspace.resourceGroup, ctx.workspace.name, name, { abortSignal: ctx.signal }] as const;
  await startWrite(() => (action === "start" ? ops.beginStart(...args) : action === "stop" ? ops.beginStop(...args) : ops.beginRestart(...args)));
}

// The calls that need a newer api-version than core's client (2021-07-01):
// @azure/arm-machinelearning 2.1.1 (api-version 2022-10-01) creates an instance with setup
// scripts and enableNodePublicIp. Its model marks `schedules` read-only (the serializer drops
// it) and has no updateSchedules, and no package has idleTimeBeforeShutdown: those go raw
// through the client pipeline, at the api-version the request names (body.ts).

function path(ctx: StepContext<unknown>, name: string, action = ""): string {
  const ws = ctx.workspace;
  return `/subscriptions/${ctx.azure.subscriptionId}/resourceGroups/${ws.resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/${ws.name}/computes/${name}${action}`;
}

async function newerClient(ctx: StepContext<unknown>) {
  const { AzureMachineLearningWorkspaces } = await import("@azure/arm-machinelearning");
  return new AzureMachineLearningWorkspaces(ctx.azure.credential, ctx.azure.subscriptionId, ctx.azure.clientOptions());
}

function failed(what: string, reply: { status: number; error?: { code: string; message: string } }): ComputeflowError {
  return new ComputeflowError({ code: reply.status === 429 ? "E_THROTTLED" : "E_AZURE", errorClass: reply.status >= 500 || reply.status === 429 ? "transient" : "validation", message: `${what}: ${reply.error?.code ?? reply.status} ${reply.error?.message ?? ""}`.trim(), ...(reply.error ? { arm: [reply.error] } : {}) });
}

/** The instance as api-version 2023-04-01 shows it: every field this plugin manages. */
export async function readInstance(ctx: StepContext<unknown>, name: string): Promise<ComputeResource | undefined> {
  const reply = await armRequest(ctx, "GET", path(ctx, name), READ_API_VERSION);
  if (reply.status === 404) return undefined;
  if (reply.status >= 400) throw failed(`reading compute ${name}`, reply);
  return reply.body as ComputeResource;
}

/**
 * Sends the create request (body.ts): at 2021-07-01 through core's client; with schedules or
 * idle shutdown raw, at the request's api-version; otherwise typed, at 2022-10-01.
 */
export async function sendCreate(ctx: StepContext<unknown>, name: string, request: ArmRequest, input: FeatureInput): Promise<void> {
  if (request.apiVersion === ML_API_VERSION) return putCompute(ctx, name, request.body as ComputeResource);
  if (input.idle_time_before_shutdown_minutes !== undefined || input.schedules !== undefined) {
    const reply = await armRequest(ctx, "PUT", request.path, request.apiVersion, request.body);
    if (reply.status >= 400) throw failed(`creating compute instance ${name}`, reply);
    return;
  }
  const client = await newerClient(ctx);
  await startWrite(() => client.computeOperations.beginCreateOrUpdate(ctx.workspace.resourceGroup, ctx.workspace.name, name, request.body as never, { abortSignal: ctx.signal }));
}

/** The in-place updates Azure allows on an instance: idle shutdown and schedules. */
export async function updateSettings(ctx: StepContext<unknown>, name: string, input: FeatureInput, updates: readonly ("idle" | "schedules")[]): Promise<void> {
  if (updates.includes("schedules") && input.schedules) {
    const schedules = featureProperties({ schedules: input.schedules }).schedules;
    const reply = await armRequest(ctx, "POST", path(ctx, name, "/updateSchedules"), SCHEDULES_API_VERSION, schedules);
    if (reply.status >= 400) throw failed(`updating the schedules of ${name}`, reply);
  }
  if (updates.includes("idle") && input.idle_time_before_shutdown_minutes !== undefined) {
    const body = { idleTimeBeforeShutdown: idleDuration(input.idle_time_before_shutdown_minutes) };
    const reply = await armRequest(ctx, "POST", path(ctx, name, "/updateIdleShutdownSetting"), READ_API_VERSION, body);
    if (reply.status >= 400) throw failed(`updating the idle shutdown of ${name}`, reply);
  }
}
