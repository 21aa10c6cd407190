import type { ComputeResource } from "@azure/arm-machinelearningservices";
import type { FieldChange, PlanEntry, StepContext } from "@computeflow/core";
import type { ProvisionInput } from "./input.js";
import type { ProvisionStep } from "./plan-state.js";
import { getCompute, preflight, workspaceLocation } from "@computeflow/compute-kit";
import { clusterProps } from "./cluster-props.js";
import { diffCluster } from "./diff.js";
import { passwordProblem } from "./password.js";

const LOW_PRIORITY_NOTE = "low priority: nodes may be preempted; a preempted job restarts, it does not resume";
const BUSY = new Set(["Creating", "Updating"]);

function entry(change: PlanEntry["change"], state: ProvisionStep, extra: Partial<PlanEntry>): PlanEntry {
  return { change, state, ...extra };
}

function blockedByExisting(existing: ComputeResource, name: string): PlanEntry | undefined {
  const type = existing.properties?.computeType;
  if (type !== "AmlCompute") {
    return { change: "blocked", code: "E_CONFLICT", reason: `compute ${name} exists and is a ${type ?? "different"} compute, not AmlCompute`, hint: "choose another name" };
  }
  if (existing.properties?.provisioningState === "Deleting") {
    return { change: "blocked", code: "E_CONFLICT", reason: `compute ${name} is being deleted`, hint: "run again once the deletion has finished" };
  }
  return undefined;
}

async function planExisting(ctx: StepContext<ProvisionInput>, input: ProvisionInput, existing: ComputeResource, notes: string[]): Promise<PlanEntry> {
  const name = ctx.step.name;
  const location = existing.location ?? (await workspaceLocation(ctx));
  if (existing.properties?.provisioningState === "Failed") {
    return entry("replace-required", { kind: "replace", location }, { reason: `compute ${name} failed to provision earlier`, hint: "allow replacement to delete and create it again", notes });
  }
  const diff = diffCluster(input, existing, ctx.azure.subscriptionId);
  if (diff.immutable.length > 0) {
    const blocked = await preflight(ctx, { computeType: "AmlCompute", vmSize: input.vm_size, location, nodes: input.max_nodes, lowPriority: input.vm_priority === "lowpriority" });
    if (blocked) return blocked;
    const changes: FieldChange[] = [...diff.immutable, ...diff.scale, ...diff.other];
    return entry("replace-required", { kind: "replace", location }, {
      diff: changes,
      reason: `${diff.immutable.map((c) => c.path.split(".").pop()).join(", ")} cannot change on an existing cluster`,
      hint: "allow replacement (--allow-replace) to delete the cluster and create it again, or restore the old value",
      notes,
    });
  }
  const changes = [...diff.scale, ...diff.other];
  if (changes.length === 0) return entry("noop", { kind: "wait" }, { summary: `cluster ${name} is up to date`, notes });
  const props = clusterProps(existing);
  const growth = input.max_nodes - Math.max(props.scaleSettings?.maxNodeCount ?? 0, props.currentNodeCount ?? 0);
  if (growth > 0) {
    const nodes = input.max_nodes - (props.currentNodeCount ?? 0);
    const blocked = await preflight(ctx, { computeType: "AmlCompute", vmSize: input.vm_size, location, nodes, lowPriority: input.vm_priority === "lowpriority" });
    if (blocked) return blocked;
  }
  const step: ProvisionStep = diff.other.length === 0 ? { kind: "scale" } : { kind: "put", location };
  return entry("update", step, { diff: changes, summary: `update cluster ${name} in place (${step.kind === "scale" ? "PATCH scale settings" : "PUT"})`, notes });
}

/** Reads the cluster, its region's sizes and quota, and says what provision would do. Never writes. */
export async function planProvision(ctx: StepContext<ProvisionInput>): Promise<PlanEntry> {
  const input = ctx.with; // core applied the schema defaults
  const name = ctx.step.name;
  const notes = input.vm_priority === "lowpriority" ? [LOW_PRIORITY_NOTE] : [];
  if (input.admin_user_password !== undefined) {
    const weak = passwordProblem(input.admin_user_password);
    if (weak) return { change: "blocked", code: "E_INPUT", reason: weak, hint: "Azure refuses it only after minutes of provisioning; fix the secret" };
  }
  const existing = await getCompute(ctx, name);
  if (existing) {
    const blocked = blockedByExisting(existing, name);
    if (blocked) return blocked;
    if (BUSY.has(existing.properties?.provisioningState ?? "")) {
      return entry("in-progress", { kind: "wait" }, { summary: `cluster ${name} is ${existing.properties?.provisioningState?.toLowerCase()}; waiting for it`, notes });
    }
    return planExisting(ctx, input, existing, notes);
  }
  const location = input.location ?? (await workspaceLocation(ctx));
  const blocked = await preflight(ctx, { computeType: "AmlCompute", vmSize: input.vm_size, location, nodes: input.max_nodes, lowPriority: input.vm_priority === "lowpriority" });
  if (blocked) return { ...blocked, notes };
  return entry("create", { kind: "create", location }, { summary: `create cluster ${name}: ${input.vm_size}, ${input.min_nodes}-${input.max_nodes} nodes in ${location}`, notes });
}
