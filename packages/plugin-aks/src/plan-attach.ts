import type { FieldChange, PlanEntry } from "@computeflow/core";
import type { AksView } from "./compute-view.js";
import type { AttachInput } from "./input.js";
import { currentTls, desiredTls, sameTls } from "./ssl.js";

/** v1 AKS attach is deprecated with SDK v1 (support ended 2026-06-30); v2 attaches the cluster as Kubernetes compute. */
export function kubernetesNote(clusterId: string): string {
  return `v1 AKS attach is deprecated (Azure ML SDK v1 support ended 2026-06-30): attach this cluster as v2 Kubernetes compute instead, with uses: kubernetes, action: attach, resource_id: ${clusterId} (the Azure ML extension must be installed on it)`;
}

const REATTACH_HINT = "Azure cannot change the settings of an attached cluster in place: run replaces the attachment (detach, then attach)";

/** What attach would do, given the compute of the step's name (if any). Pure. */
export function planAttach(input: AttachInput, clusterId: string, current: AksView | undefined): PlanEntry {
  if (current === undefined) return { change: "attach", summary: `attach ${clusterId}`, notes: [kubernetesNote(clusterId)] };
  if (current.computeType !== "AKS" || !current.isAttached) {
    const what = current.computeType !== "AKS" ? `a ${current.computeType ?? "different"} compute` : "an AKS cluster this workspace provisioned";
    return { change: "blocked", code: "E_CONFLICT", reason: `the name is taken by ${what}`, hint: "give the step another name (name:)" };
  }
  if (current.provisioningState === "Creating" || current.provisioningState === "Updating") {
    return { change: "in-progress", summary: `AKS attachment is ${current.provisioningState}` };
  }
  const diff: FieldChange[] = [];
  if (current.resourceId?.toLowerCase() !== clusterId.toLowerCase()) diff.push({ path: "properties.resourceId", from: current.resourceId, to: clusterId });
  const tlsFrom = currentTls(current.ssl);
  const tlsTo = desiredTls(input);
  if (!sameTls(tlsFrom, tlsTo)) diff.push({ path: "properties.properties.sslConfiguration", from: tlsFrom ?? null, to: tlsTo ?? null });
  if (input.cluster_purpose !== undefined && current.clusterPurpose !== input.cluster_purpose) {
    diff.push({ path: "properties.properties.clusterPurpose", from: current.clusterPurpose ?? null, to: input.cluster_purpose });
  }
  if (input.load_balancer_type !== undefined && (current.loadBalancerType ?? "PublicIp") !== input.load_balancer_type) {
    diff.push({ path: "properties.properties.loadBalancerType", from: current.loadBalancerType ?? "PublicIp", to: input.load_balancer_type });
  }
  if (current.provisioningState === "Failed") {
    return { change: "reattach", diff, summary: "the attachment failed: detach, then attach again", notes: [REATTACH_HINT] };
  }
  if (diff.length === 0) return { change: "noop", summary: "AKS cluster is attached as configured" };
  return { change: "reattach", diff, summary: "detach, then attach with the new settings", notes: [REATTACH_HINT] };
}

/** detach / delete of the step's compute. */
export function planRemove(action: "detach" | "delete", current: AksView | undefined): PlanEntry {
  if (current === undefined) return { change: "noop", summary: "nothing to remove: the compute does not exist" };
  if (action === "delete" && current.isAttached) {
    return { change: "blocked", code: "E_ATTACHED_COMPUTE", reason: "this AKS cluster was attached, not provisioned by the workspace: delete would destroy a cluster it does not own", hint: "use action: detach" };
  }
  return { change: action, summary: action === "detach" ? "detach the AKS cluster (the cluster itself is kept)" : "delete the AKS compute and its cluster" };
}

/** The document's limitation: each new attachment of the same cluster breaks the previous one. */
export function duplicateAttachment(clusterId: string, others: readonly string[]): PlanEntry | undefined {
  if (others.length === 0) return undefined;
  return {
    change: "blocked",
    code: "E_DUPLICATE_ATTACHMENT",
    reason: `${clusterId} is already attached to this workspace as ${others.join(", ")}; a second attachment would break the first`,
    hint: `detach ${others[0]} first (action: detach with name: ${others[0]}), or use that compute name`,
  };
}
