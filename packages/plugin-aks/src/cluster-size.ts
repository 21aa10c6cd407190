import type { PlanEntry } from "@computeflow/core";
import type { ProvisionInput } from "./input.js";

/** AKS for Azure ML: a FastProd cluster needs at least this many vCPUs in total. */
export const FAST_PROD_MIN_VCPUS = 12;

/** Why the requested cluster cannot be created, judged from the region's VM sizes; undefined when it can. Pure. */
export function clusterSizeProblem(input: ProvisionInput, location: string, vcpus: number | undefined): PlanEntry | undefined {
  const size = input.vm_size;
  const agents = input.agent_count;
  if (vcpus === undefined) {
    return { change: "blocked", code: "E_VM_SIZE", reason: `VM size ${size} is not available in ${location}`, hint: "pick a size the region offers (the workspace's VM sizes list)" };
  }
  const purpose = input.cluster_purpose ?? "FastProd";
  if (purpose === "FastProd" && agents * vcpus < FAST_PROD_MIN_VCPUS) {
    return {
      change: "blocked",
      code: "E_AKS_TOO_SMALL",
      reason: `a FastProd cluster needs at least ${FAST_PROD_MIN_VCPUS} vCPUs; ${agents} x ${size} has ${agents * vcpus}`,
      hint: "use cluster_purpose: DevTest, more agents (agent_count) or a larger vm_size",
    };
  }
  return undefined;
}
