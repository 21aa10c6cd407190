import type { ComputeResource } from "@azure/arm-machinelearningservices";
import { computePath, ML_API_VERSION, subnetResourceId } from "@computeflow/compute-kit";
import { ComputeflowError, type ArmRequest, type BodyContext } from "@computeflow/core";
import { usesNewerApi, type FeatureInput, type ScriptInput, type StartStopSchedule } from "./features-input.js";
import type { ProvisionInput } from "./input.js";
import { uniqueInstanceName, workspaceArmId } from "./name-rules.js";

type Json = Record<string, unknown>;

/**
 * Api-versions newer than core's client (2021-07-01): schedules are first in the GA spec at
 * 2022-10-01, idle shutdown at 2023-04-01 (Azure/azure-rest-api-specs,
 * Microsoft.MachineLearningServices stable/2022-10-01/examples/Compute/createOrUpdate/ComputeInstanceWithSchedules.json;
 * stable/2023-04-01/examples/Compute/updateIdleShutdownSetting.json, absent from 2022-10-01).
 * Reads are at 2023-04-01, the version that shows every field this plugin manages.
 */
export const READ_API_VERSION = "2023-04-01";
export const SCHEDULES_API_VERSION = "2022-10-01";

/** The compute's name: the step's, plus a suffix from the workspace with unique_name. */
export function instanceName(input: Pick<ProvisionInput, "unique_name">, ctx: Pick<BodyContext, "computeName" | "workspace" | "workspaceId">): string {
  if (!input.unique_name) return ctx.computeName;
  if (ctx.workspaceId === undefined) {
    throw new ComputeflowError({ code: "E_PLUGIN", errorClass: "plugin", message: "unique_name: the workspace id is needed to name the instance, and the body's context has none" });
  }
  return uniqueInstanceName(ctx.computeName, ctx.workspaceId, workspaceArmId(ctx.workspace));
}

/** The 2021-07-01 PUT body the Python SDK would send, shaped like the REST examples (ComputeInstance.json); an in-place update sends it. */
export function instanceBody(input: ProvisionInput, subscriptionId: string, location: string): ComputeResource {
  const subnet = subnetResourceId(subscriptionId, input);
  const personal = input.assigned_user_object_id !== undefined && input.assigned_user_tenant_id !== undefined;
  return {
    location,
    tags: input.tags,
    properties: {
      computeType: "ComputeInstance",
      description: input.description,
      properties: {
        vmSize: input.vm_size,
        subnet: subnet === undefined ? undefined : { id: subnet },
        applicationSharingPolicy: personal ? "Personal" : undefined,
        sshSettings: {
          sshPublicAccess: input.ssh_public_access ? "Enabled" : "Disabled",
          adminPublicKey: input.admin_user_ssh_public_key,
        },
        computeInstanceAuthorizationType: personal ? "personal" : undefined,
        personalComputeInstanceSettings: personal
          ? { assignedUser: { objectId: input.assigned_user_object_id!, tenantId: input.assigned_user_tenant_id! } }
          : undefined,
      },
    },
  };
}

/**
 * The create request (the action's `body`): the 2021-07-01 body, plus the newer settings at
 * the earliest api-version that has them all (idle shutdown: 2023-04-01; schedules, setup
 * scripts, enable_node_public_ip: 2022-10-01).
 */
export function provisionRequest(input: ProvisionInput, ctx: BodyContext): ArmRequest {
  const path = computePath(ctx.workspace, instanceName(input, ctx));
  const body = instanceBody(input, ctx.workspace.subscriptionId, ctx.location);
  if (!usesNewerApi(input)) return { method: "PUT", path, apiVersion: ML_API_VERSION, body };
  const inner = (body.properties as { properties?: Json }).properties ?? {};
  const full = { ...body, properties: { ...body.properties, properties: { ...inner, ...featureProperties(input) } } };
  return { method: "PUT", path, apiVersion: input.idle_time_before_shutdown_minutes !== undefined ? READ_API_VERSION : SCHEDULES_API_VERSION, body: full };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One schedule as ARM's ComputeStartStopSchedule (2022-10-01 example ComputeInstanceWithSchedules.json). */
export function scheduleBody(s: StartStopSchedule): Json {
  const t = s.trigger;
  const when =
    t.type === "cron"
      ? { triggerType: "Cron", cron: { expression: t.expression, startTime: t.start_time, timeZone: t.time_zone ?? "UTC" } }
      : {
          triggerType: "Recurrence",
          recurrence: {
            frequency: capital(t.frequency),
            interval: t.interval ?? 1,
            startTime: t.start_time,
            timeZone: t.time_zone ?? "UTC",
            schedule: t.schedule && {
              hours: t.schedule.hours ?? [],
              minutes: t.schedule.minutes ?? [],
              weekDays: t.schedule.week_days?.map(capital),
            },
          },
        };
  return { status: capital(s.state ?? "enabled"), action: capital(s.action), ...when };
}

/** azure-ai-ml's ScriptReference._to_rest_object: a workspace-storage script. */
function scriptBody(s: ScriptInput | undefined): Json | undefined {
  return s && { scriptSource: "workspaceStorage", scriptData: s.path, scriptArguments: s.command, timeout: s.timeout_minutes === undefined ? undefined : `${s.timeout_minutes}m` };
}

export function idleDuration(minutes: number): string {
  return `PT${minutes}M`;
}

/** The ComputeInstanceProperties fields of the newer settings, for a create. */
export function featureProperties(input: FeatureInput): Json {
  const out: Json = {};
  if (input.schedules) out.schedules = { computeStartStop: input.schedules.compute_start_stop.map(scheduleBody) };
  if (input.setup_scripts) out.setupScripts = { scripts: { creationScript: scriptBody(input.setup_scripts.creation_script), startupScript: scriptBody(input.setup_scripts.startup_script) } };
  if (input.enable_node_public_ip !== undefined) out.enableNodePublicIp = input.enable_node_public_ip;
  if (input.idle_time_before_shutdown_minutes !== undefined) out.idleTimeBeforeShutdown = idleDuration(input.idle_time_before_shutdown_minutes);
  return out;
}
