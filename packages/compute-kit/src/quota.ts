import type { Usage, VirtualMachineSize } from "@azure/arm-machinelearningservices";
import type { PlanEntry } from "@computeflow/core";

export interface QuotaNeed {
  size: VirtualMachineSize;
  /** Nodes to find room for (max_nodes less the nodes already running on this cluster). */
  nodes: number;
  lowPriority: boolean;
  location: string;
}

interface Pool {
  label: string;
  limit: number;
  used: number;
  usage: Usage;
}

/** Type and names run together, so "low_priority", "LowPriority" and "Low Priority" all match. */
const key = (u: Usage) => `${u.type ?? ""}${u.name?.value ?? ""}${u.name?.localizedValue ?? ""}`.toLowerCase().replace(/[^a-z0-9]/g, "");
const regional = (usages: readonly Usage[]) => usages.filter((u) => !(u.id ?? "").toLowerCase().includes("/workspaces/"));

function pool(usage: Usage | undefined, label: string): Pool | undefined {
  if (usage?.limit === undefined) return undefined;
  return { label: usage.name?.localizedValue ?? label, limit: usage.limit, used: usage.currentValue ?? 0, usage };
}

/** The usage pools a cluster draws from: its VM family and the regional total (dedicated or low priority). */
export function poolsFor(usages: readonly Usage[], need: QuotaNeed): Pool[] {
  const list = regional(usages);
  const family = need.size.family?.toLowerCase();
  const pools: (Pool | undefined)[] = [];
  if (need.lowPriority) {
    pools.push(pool(list.find((u) => key(u).includes("lowpriority")), "regional low priority vCPUs"));
  } else {
    pools.push(pool(list.find((u) => family !== undefined && u.name?.value?.toLowerCase() === family), `${need.size.family} vCPUs`));
    pools.push(pool(list.find((u) => key(u).includes("totalcores") && !key(u).includes("lowpriority")), "regional dedicated vCPUs"));
  }
  return pools.filter((p): p is Pool => p !== undefined);
}

/** Blocked entry with the numbers when the cluster cannot reach max_nodes within quota. */
export function quotaProblem(usages: readonly Usage[], need: QuotaNeed): PlanEntry | undefined {
  const perNode = need.size.vCPUs ?? 0;
  const wanted = perNode * need.nodes;
  if (wanted <= 0) return undefined;
  for (const p of poolsFor(usages, need)) {
    const free = p.limit - p.used;
    if (wanted > free) {
      return {
        change: "blocked",
        code: "E_QUOTA",
        reason:
          `${need.nodes} x ${need.size.name} (${perNode} vCPUs each) needs ${wanted} vCPUs of "${p.label}" in ${need.location}, ` +
          `but only ${free} are free (limit ${p.limit}, in use ${p.used})`,
        hint: `lower max_nodes to ${Math.floor(Math.max(free, 0) / perNode)} or request more quota for this VM family`,
      };
    }
  }
  return undefined;
}
