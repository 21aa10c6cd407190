import type { ComputeResource } from "@azure/arm-machinelearningservices";
import { ErrorCodes, type FieldChange, type Outputs, type PlanEntry, type StepContext } from "@computeflow/core";
import { attachedResourceOf, listComputes, otherAttachments } from "./computes.js";
import { normalizeResourceId, parseResourceId } from "./resource-id.js";

/** What a plugin resolved for an attach step, before anything is written. */
export interface AttachTarget {
  /** ARM id of the resource being attached, as Azure spells it. */
  resourceId: string;
  /** The workspace compute type ("VirtualMachine", "HDInsight", "Batch" ...). */
  computeType: string;
  /**
   * Settings Azure echoes back, by dotted path inside the compute's inner `properties`
   * ("sshPort", "administratorAccount.username"); a difference needs a reattach.
   */
  settings: Record<string, unknown>;
  notes?: string[];
}

/** Handed from plan to the attach hook through `ctx.plan.state`. */
export interface AttachPlanState {
  /** "wait": an attach is already in flight (e.g. an interrupted run): watch it, send nothing. */
  mode: "attach" | "reattach" | "noop" | "wait";
  /** The attachment to detach before attaching (this name, or another name of the same resource). */
  detachFirst?: string;
  /** The detach of `detachFirst` is already under way: only wait for it. */
  detachStarted?: boolean;
  outputs?: Outputs;
}


/**
 * The document's limitation, enforced: an attachment of the same resource under another
 * name is refused (each new attachment breaks the previous one), and settings change only
 * by detaching and attaching again (`reattach: true`).
 */
export async function planAttach(ctx: StepContext<unknown>, target: AttachTarget, reattach: boolean): Promise<PlanEntry> {
  return decideAttach(await listComputes(ctx), ctx.step.name, ctx.workspace.name, target, reattach);
}

/** The decision itself, on the workspace's computes as listed: pure. */
export function decideAttach(computes: readonly ComputeResource[], name: string, workspace: string, target: AttachTarget, reattach: boolean): PlanEntry {
  const notes = target.notes ?? [];
  const others = otherAttachments(computes, target.resourceId, name);
  const existing = computes.find((c) => c.name?.toLowerCase() === name.toLowerCase());
  if (others.length > 0) return planMove(name, target, others, existing, reattach, notes);
  if (!existing) return entry("attach", `attach ${target.computeType} ${shortName(target.resourceId)} as ${name}`, notes, { mode: "attach" });
  const type = existing.properties?.computeType;
  if (type !== target.computeType || existing.properties?.isAttachedCompute === false) {
    return blocked(ErrorCodes.DUPLICATE_NAME, `compute name ${name} is already used by a ${type ?? "compute"} in workspace ${workspace}`, "choose another `name:` for this step", notes);
  }
  const state = existing.properties?.provisioningState ?? "Unknown";
  if (state === "Creating" || state === "Updating") return { change: "in-progress", summary: `${name} is ${state.toLowerCase()}: waiting for it`, notes, state: { mode: "wait" } satisfies AttachPlanState };
  if (state === "Deleting") {
    return { change: "in-progress", summary: `${name} is being detached: attach it again once it is gone`, notes, state: { mode: "reattach", detachFirst: name, detachStarted: true } satisfies AttachPlanState };
  }
  const diff = differences(existing, target);
  if (diff.length === 0 && state === "Succeeded") {
    const outputs = outputsOf(existing);
    return { change: "noop", summary: `${name} is already attached to ${target.resourceId}`, notes, state: { mode: "noop", outputs } satisfies AttachPlanState };
  }
  const why = diff.length > 0 ? "is attached with different settings" : `is in state ${state}`;
  if (reattach) return { ...entry("reattach", `detach ${name}, then attach it again`, notes, { mode: "reattach", detachFirst: name }), diff };
  return {
    ...blocked("E_REATTACH_REQUIRED", `${name} ${why}; Azure ML changes an attachment only by detaching and attaching it again`, "set `reattach: true` on this step", notes),
    diff,
  };
}

function planMove(name: string, target: AttachTarget, others: ComputeResource[], existing: ComputeResource | undefined, reattach: boolean, notes: string[]): PlanEntry {
  const names = others.map((c) => c.name ?? "?");
  const first = names[0]!;
  if (reattach && others.length === 1 && !existing) {
    return entry("reattach", `detach ${first}, then attach ${shortName(target.resourceId)} as ${name}`, notes, { mode: "reattach", detachFirst: first });
  }
  return blocked(
    ErrorCodes.DUPLICATE_ATTACHMENT,
    `${target.resourceId} is already attached to this workspace as ${names.join(", ")}; each new attachment of the same resource breaks the previous one`,
    `detach ${first} first (a step with \`action: detach\` and \`name: ${first}\`), or set \`reattach: true\` to move the attachment to ${name}`,
    notes,
  );
}

function differences(existing: ComputeResource, target: AttachTarget): FieldChange[] {
  const out: FieldChange[] = [];
  if (attachedResourceOf(existing) !== normalizeResourceId(target.resourceId)) {
    out.push({ path: "properties.resourceId", from: existing.properties?.resourceId, to: target.resourceId });
  }
  const inner = (existing.properties as { properties?: unknown } | undefined)?.properties;
  for (const [path, wanted] of Object.entries(target.settings)) {
    if (wanted === undefined) continue;
    const current = path.split(".").reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], inner);
    if (current !== undefined && current !== wanted) out.push({ path: `properties.properties.${path}`, from: current, to: wanted });
  }
  return out;
}

/** "dsvm (resource group ml-rg)": the plan's one line stays readable; the id is in the outputs. */
function shortName(resourceId: string): string {
  const parts = parseResourceId(resourceId);
  return parts ? `${parts.name} (resource group ${parts.resourceGroup})` : resourceId;
}

export function outputsOf(compute: ComputeResource): Outputs {
  return { name: compute.name ?? "", id: compute.id ?? "", resource_id: compute.properties?.resourceId ?? "" };
}

function entry(change: "attach" | "reattach", summary: string, notes: string[], state: AttachPlanState): PlanEntry {
  return { change, summary, notes, state };
}

export function blocked(code: string, reason: string, hint: string, notes: string[] = []): PlanEntry {
  return { change: "blocked", code, reason, hint, notes };
}
