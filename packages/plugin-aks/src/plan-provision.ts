import type { FieldChange, PlanEntry } from "@computeflow/core";
import type { AksView } from "./compute-view.js";
import type { ProvisionInput } from "./input.js";
import { currentTls, desiredTls, sameTls } from "./ssl.js";

function lower(value: string | null | undefined): string | undefined {
  return value?.toLowerCase();
}

/** What provision would do to an existing compute of the same name. Pure. */
export function planProvision(input: ProvisionInput, current: AksView | undefined): PlanEntry {
  if (current === undefined) {
    return { change: "create", summary: `create AKS cluster (${input.agent_count} x ${input.vm_size}, ${input.cluster_purpose ?? "FastProd"})` };
  }
  if (current.computeType !== "AKS" || current.isAttached) {
    const what = current.computeType !== "AKS" ? `a ${current.computeType ?? "different"} compute` : "an attached AKS cluster";
    return { change: "blocked", code: "E_CONFLICT", reason: `the name is taken by ${what}`, hint: "give the step another name (name:), or use action: attach for an existing cluster" };
  }
  if (current.provisioningState === "Creating" || current.provisioningState === "Updating") {
    return { change: "in-progress", summary: `AKS compute is ${current.provisioningState}` };
  }
  if (current.provisioningState === "Failed") {
    return { change: "blocked", code: "E_PROVISIONING_FAILED", reason: "the existing AKS compute failed to provision", hint: "delete it (computeflow destroy) and run again" };
  }
  const immutable: FieldChange[] = [];
  const push = (path: string, from: unknown, to: unknown) => {
    if (to !== undefined && from !== to) immutable.push({ path, from, to, immutable: true });
  };
  push("properties.properties.agentCount", current.agentCount, input.agent_count);
  push("properties.properties.agentVmSize", lower(current.vmSize), lower(input.vm_size));
  push("properties.properties.clusterPurpose", current.clusterPurpose, input.cluster_purpose ?? "FastProd");
  if (input.location !== undefined) push("properties.computeLocation", lower(current.location), lower(input.location));
  if (immutable.length > 0) {
    return { change: "replace-required", diff: immutable, reason: "agent count, VM size, purpose and location of an AKS cluster cannot change in place", hint: "delete the compute (computeflow destroy) and run again, or rename the step" };
  }
  const updates: FieldChange[] = [];
  const tlsFrom = currentTls(current.ssl);
  const tlsTo = desiredTls(input);
  if (!sameTls(tlsFrom, tlsTo)) updates.push({ path: "properties.properties.sslConfiguration", from: tlsFrom ?? null, to: tlsTo ?? null });
  const lbTo = input.load_balancer_type ?? "PublicIp";
  if ((current.loadBalancerType ?? "PublicIp") !== lbTo) updates.push({ path: "properties.properties.loadBalancerType", from: current.loadBalancerType ?? "PublicIp", to: lbTo });
  if (input.load_balancer_subnet !== undefined && current.loadBalancerSubnet !== input.load_balancer_subnet) {
    updates.push({ path: "properties.properties.loadBalancerSubnet", from: current.loadBalancerSubnet ?? null, to: input.load_balancer_subnet });
  }
  if (updates.length > 0) return { change: "update", diff: updates, summary: "update TLS / load balancer settings of the AKS compute" };
  return { change: "noop", summary: "AKS compute is up to date", notes: tlsTo?.status === "Enabled" ? ["certificate and key contents are not compared: Azure does not return them"] : [] };
}
