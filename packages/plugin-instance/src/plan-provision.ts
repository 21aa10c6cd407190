import type { ComputeResource } from "@azure/arm-machinelearningservices";
import type { PlanEntry, StepContext } from "@computeflow/core";
import { getCompute, preflight } from "@computeflow/compute-kit";
import type { ProvisionInput } from "./input.js";
import { instancesElsewhere, readInstance, workspaceInfo, type WorkspaceInfo } from "./sdk.js";
import { diffInstance } from "./diff.js";
import { diffFeatures } from "./features-diff.js";
import { usesNewerApi } from "./features-input.js";
import { instanceProps } from "./instance-props.js";
import { uniqueInstanceName } from "./name-rules.js";

/** What the provision hook should do, handed over in `PlanEntry.state`. */
export interface InstanceStep {
  kind: "create" | "put" | "settings" | "start" | "stop" | "replace" | "wait";
  name: string;
  location: string;
  /** The workspace's immutable id: body() derives the unique_name suffix from it. */
  workspaceId: string;
  /** In-place setting updates to send (idle shutdown, schedules). */
  updates?: ("idle" | "schedules")[];
  /** The power state the step ends in (`with.state`). */
  want: "Running" | "Stopped";
  /** For "put" and "settings": the power state the instance is in now, which the update keeps. */
  now?: "Running" | "Stopped";
}

const COST_NOTE = "a compute instance does not scale down: it costs money until stopped (action: stop), or set idle_time_before_shutdown_minutes or a stop schedule";

function costNote(input: ProvisionInput): string {
  if (input.idle_time_before_shutdown_minutes !== undefined) return `the instance stops itself after ${input.idle_time_before_shutdown_minutes} idle minutes; it costs money while running`;
  return COST_NOTE;
}

export function instanceInput(ctx: StepContext<unknown>): ProvisionInput {
  // core applied the schema defaults before any hook runs
  return ctx.with as ProvisionInput;
}

export function wantedState(input: ProvisionInput): InstanceStep["want"] {
  return input.state === "stopped" ? "Stopped" : "Running";
}

function planExisting(ctx: StepContext<unknown>, input: ProvisionInput, existing: ComputeResource, name: string, ws: WorkspaceInfo): PlanEntry {
  const location = existing.location ?? "";
  const want = wantedState(input);
  const at = (kind: InstanceStep["kind"]): InstanceStep => ({ kind, name, location, workspaceId: ws.workspaceId, want });
  const type = existing.properties?.computeType;
  if (type !== "ComputeInstance") {
    return { change: "blocked", code: "E_CONFLICT", reason: `compute ${name} exists and is a ${type ?? "different"} compute, not a compute instance`, hint: "choose another name" };
  }
  const provisioning = existing.properties?.provisioningState;
  if (provisioning === "Creating" || provisioning === "Updating") return { change: "in-progress", state: at("wait"), summary: `instance ${name} is ${provisioning.toLowerCase()}` };
  if (provisioning === "Deleting") return { change: "blocked", code: "E_CONFLICT", reason: `instance ${name} is being deleted`, hint: "run again once the deletion has finished" };
  if (provisioning === "Failed") return { change: "replace-required", state: at("replace"), reason: `instance ${name} failed to provision earlier`, hint: "allow replacement to delete and create it again" };
  const diff = diffInstance(input, existing, ctx.azure.subscriptionId);
  const features = usesNewerApi(input) ? diffFeatures(input, instanceProps(existing) as Record<string, unknown>) : { inPlace: [], immutable: [], updates: [] };
  diff.immutable.push(...features.immutable);
  if (diff.immutable.length > 0) {
    return {
      change: "replace-required",
      state: at("replace"),
      diff: [...diff.immutable, ...diff.other, ...features.inPlace],
      reason: `${diff.immutable.map((c) => c.path.split(".").pop()).join(", ")} cannot change on an existing compute instance`,
      hint: "allow replacement (--allow-replace) to delete the instance and create it again, or restore the old value",
    };
  }
  const state = instanceProps(existing).state;
  const stopped = state === "Stopped" || state === "Stopping";
  const now = stopped ? "Stopped" : "Running";
  const then = now === want ? "" : want === "Stopped" ? ", then stop it" : ", then start it";
  const notes = want === "Running" ? [costNote(input)] : [];
  if (diff.other.length > 0) {
    return { change: "update", state: { ...at("put"), updates: features.updates, now }, diff: [...diff.other, ...features.inPlace], summary: `update instance ${name} in place (PUT)${then}`, notes };
  }
  if (features.updates.length > 0) {
    const calls = features.updates.map((u) => (u === "idle" ? "updateIdleShutdownSetting" : "updateSchedules")).join(", ");
    return { change: "update", state: { ...at("settings"), updates: features.updates, now }, diff: features.inPlace, summary: `update instance ${name} in place (${calls})${then}`, notes };
  }
  if (want === "Stopped") {
    if (state === "Stopped") return { change: "noop", state: at("wait"), summary: `instance ${name} exists and is stopped` };
    if (state === "Stopping") return { change: "in-progress", state: at("wait"), summary: `instance ${name} is stopping` };
    return { change: "stop", state: at("stop"), summary: `instance ${name} is ${state?.toLowerCase() ?? "in an unknown state"}: stop it (state: stopped)` };
  }
  if (stopped) return { change: "start", state: at("start"), summary: `instance ${name} exists and is ${state.toLowerCase()}: start it` };
  return { change: "noop", state: at("wait"), summary: `instance ${name} exists (${state ?? "unknown state"})`, notes };
}

async function nameTaken(ctx: StepContext<unknown>, name: string, location: string): Promise<PlanEntry | undefined> {
  const others = await instancesElsewhere(ctx, name, location);
  if (others === undefined || others.length === 0) return undefined;
  return {
    change: "blocked",
    code: "E_CONFLICT",
    reason: `compute instance name ${name} is taken in ${location} (${others[0]?.id ?? "another workspace"}); instance names are unique across the region`,
    hint: "choose another name, or set unique_name: true to add a suffix from the workspace id",
  };
}

/** Get-or-create, like the document's try/except: reads only. */
export async function planProvision(ctx: StepContext<unknown>): Promise<PlanEntry> {
  const input = instanceInput(ctx);
  const ws = await workspaceInfo(ctx);
  const name = input.unique_name ? uniqueInstanceName(ctx.step.name, ws.workspaceId, ws.armId) : ctx.step.name;
  const existing = usesNewerApi(input) ? await readInstance(ctx, name) : await getCompute(ctx, name);
  if (existing) return planExisting(ctx, input, existing, name, ws);
  const taken = await nameTaken(ctx, name, ws.location);
  if (taken) return taken;
  const blocked = await preflight(ctx, { computeType: "ComputeInstance", vmSize: input.vm_size, location: ws.location, nodes: 1, lowPriority: false });
  if (blocked) return blocked;
  const state: InstanceStep = { kind: "create", name, location: ws.location, workspaceId: ws.workspaceId, want: wantedState(input) };
  const then = state.want === "Stopped" ? ", then stop it (state: stopped)" : "";
  return { change: "create", state, summary: `create compute instance ${name}: ${input.vm_size} in ${ws.location}${then}`, notes: state.want === "Running" ? [costNote(input)] : [] };
}
