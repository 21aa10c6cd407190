import type { ComputeResource } from "@azure/arm-machinelearning";
import type { FieldChange, PlanEntry } from "@computeflow/core";
import type { AttachInput } from "./input.js";

const REATTACH_NOTE = "Azure cannot change an attached Kubernetes compute in place: run detaches it and attaches it again (the cluster is kept)";

/** What attach does, given the compute of the step's name (if any). Pure. */
export function planAttach(input: AttachInput, current: ComputeResource | undefined): PlanEntry {
  if (current === undefined) return { change: "attach", summary: `attach ${input.resource_id} (namespace ${input.namespace})` };
  const props = current.properties;
  if (props?.computeType !== "Kubernetes") {
    return { change: "blocked", code: "E_CONFLICT", reason: `the name is taken by a ${props?.computeType ?? "different"} compute`, hint: "give the step another name (name:)" };
  }
  if (props.provisioningState === "Creating" || props.provisioningState === "Updating") return { change: "in-progress", summary: `Kubernetes attachment is ${props.provisioningState}` };
  const diff: FieldChange[] = [];
  if ((props.resourceId ?? "").toLowerCase() !== input.resource_id.toLowerCase()) diff.push({ path: "properties.resourceId", from: props.resourceId, to: input.resource_id });
  const namespace = (props as { properties?: { namespace?: string } }).properties?.namespace ?? "default";
  if (namespace !== input.namespace) diff.push({ path: "properties.properties.namespace", from: namespace, to: input.namespace });
  const identity = current.identity?.type;
  if (input.identity_type !== undefined && identity !== input.identity_type) diff.push({ path: "identity.type", from: identity ?? null, to: input.identity_type });
  if (props.provisioningState === "Failed") return { change: "reattach", diff, summary: "the attachment failed: detach, then attach again", notes: [REATTACH_NOTE] };
  if (diff.length === 0) return { change: "noop", summary: `Kubernetes cluster is attached (namespace ${namespace})` };
  return { change: "reattach", diff, summary: "detach, then attach with the new settings", notes: [REATTACH_NOTE] };
}

export function planDetach(current: ComputeResource | undefined): PlanEntry {
  if (current === undefined) return { change: "noop", summary: "nothing to detach: the compute does not exist" };
  return { change: "detach", summary: "detach the Kubernetes compute (the cluster itself is kept)" };
}
