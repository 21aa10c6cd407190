import type { PlanEntry, StepContext } from "@computeflow/core";
import { listUsages, listVmSizes } from "./sdk.js";
import { poolsFor, quotaProblem } from "./quota.js";
import { findVmSize, vmSizeProblem } from "./vm-size.js";

export interface PreflightRequest {
  computeType: string;
  vmSize: string;
  location: string;
  /** Nodes that must fit in quota; 0 skips the quota check. */
  nodes: number;
  lowPriority: boolean;
}

/** Before any write: the size exists in the region, and quota holds the nodes. Reads only. */
export async function preflight(ctx: StepContext<unknown>, request: PreflightRequest): Promise<PlanEntry | undefined> {
  const sizes = await listVmSizes(ctx, request.location);
  const sizeProblem = vmSizeProblem(sizes, request.vmSize, request.location, request.computeType);
  if (sizeProblem) return sizeProblem;
  const size = findVmSize(sizes, request.vmSize)!;
  if (request.lowPriority && size.lowPriorityCapable === false) {
    return { change: "blocked", code: "E_VM_SIZE", reason: `vm_size ${request.vmSize} cannot run at low priority`, hint: "use vm_priority: dedicated or another size" };
  }
  if (request.nodes <= 0) return undefined;
  const need = { size, nodes: request.nodes, lowPriority: request.lowPriority, location: request.location };
  // Usages are read once per run; what other steps of the run claimed counts as used.
  for (;;) {
    const usages = await listUsages(ctx, request.location);
    const problem = quotaProblem(usages, need);
    if (problem) return problem;
    if (ctx.azure.reads.claimUsage(request.location, poolsFor(usages, need).map((p) => p.usage), (size.vCPUs ?? 0) * request.nodes)) return undefined;
  }
}
