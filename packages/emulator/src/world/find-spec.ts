import { parseResourceId } from "../arm/arm-id.js";
import type { DatabricksSpec, HdInsightSpec, ResourceGroupSpec, VirtualMachineSpec, World } from "./world-types.js";

const eq = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function groupOf(world: World, sub: string, rg: string): ResourceGroupSpec | undefined {
  return world.subscriptions.find((s) => eq(s.id, sub))?.resource_groups.find((g) => eq(g.name, rg));
}

export type HostSpec = { kind: "vm"; spec: VirtualMachineSpec } | { kind: "hdi"; spec: HdInsightSpec };

/** The world entry behind an ARM id of a VM or HDInsight cluster. */
export function findHostSpec(world: World, id: string): HostSpec | undefined {
  const p = parseResourceId(id);
  if (!p) return undefined;
  const rg = groupOf(world, p.subscription, p.resourceGroup);
  const name = p.names[0] ?? "";
  const type = `${p.provider}/${p.types[0]}`.toLowerCase();
  if (type === "microsoft.compute/virtualmachines") {
    const spec = rg?.virtual_machines?.find((v) => eq(v.name, name));
    return spec && { kind: "vm", spec };
  }
  if (type === "microsoft.hdinsight/clusters") {
    const spec = rg?.hdinsight_clusters?.find((v) => eq(v.name, name));
    return spec && { kind: "hdi", spec };
  }
  return undefined;
}

export function findDatabricksSpec(world: World, id: string): DatabricksSpec | undefined {
  const p = parseResourceId(id);
  if (!p) return undefined;
  return groupOf(world, p.subscription, p.resourceGroup)?.databricks_workspaces?.find((d) => eq(d.name, p.names[0] ?? ""));
}
