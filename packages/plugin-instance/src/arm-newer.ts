import type { ComputeResource } from "@azure/arm-machinelearningservices";
import { armRequest, startWrite } from "@computeflow/compute-kit";
import { ComputeflowError, type StepContext } from "@computeflow/core";
import { featureProperties, idleDuration } from "./features-body.js";
import type { FeatureInput } from "./features-input.js";

/**
 * The instance calls that need a newer api-version than core's client (2021-07-01):
 * - @azure/arm-machinelearning 2.1.1 (api-version 2022-10-01) creates an instance with
 *   setup scripts and enableNodePublicIp. Its model marks `schedules` read-only (the
 *   serializer drops it) and has no updateSchedules, and no package has
 *   idleTimeBeforeShutdown: those go raw through the client pipeline, each at the earliest
 *   GA api-version whose spec has it (Azure/azure-rest-api-specs, Microsoft.MachineLearningServices
 *   stable/2022-10-01/examples/Compute/createOrUpdate/ComputeInstanceWithSchedules.json and
 *   updateSchedules.json; stable/2023-04-01/examples/Compute/updateIdleShutdownSetting.json,
 *   absent from 2022-10-01).
 * - Reads are at 2023-04-01, the version that shows every field this plugin manages.
 */
export const READ_API_VERSION = "2023-04-01";
export const SCHEDULES_API_VERSION = "2022-10-01";

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

/** Create with the newer settings: typed at 2022-10-01, or raw where the package cannot say it (schedules, idle shutdown). */
export async function createWithFeatures(ctx: StepContext<unknown>, name: string, body: ComputeResource, input: FeatureInput): Promise<void> {
  const inner = (body.properties as { properties?: Record<string, unknown> }).properties ?? {};
  const full = { ...body, properties: { ...body.properties, properties: { ...inner, ...featureProperties(input) } } };
  const raw = input.idle_time_before_shutdown_minutes !== undefined ? READ_API_VERSION : input.schedules !== undefined ? SCHEDULES_API_VERSION : undefined;
  if (raw !== undefined) {
    const reply = await armRequest(ctx, "PUT", path(ctx, name), raw, full);
    if (reply.status >= 400) throw failed(`creating compute instance ${name}`, reply);
    return;
  }
  const client = await newerClient(ctx);
  await startWrite(() => client.computeOperations.beginCreateOrUpdate(ctx.workspace.resourceGroup, ctx.workspace.name, name, full as never, { abortSignal: ctx.signal }));
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
