import type { CheckProblem } from "@computeflow/core";

/** The three VNet keys; values may still be Unresolved in `check` (they count as given). */
export interface VnetInput {
  vnet_resourcegroup_name?: unknown;
  vnet_name?: unknown;
  subnet_name?: unknown;
}

const TRIO = ["vnet_resourcegroup_name", "vnet_name", "subnet_name"] as const;

/** The SDK's rule: the three VNet keys come together or not at all. One problem, at the first key given. */
export function vnetProblems(input: VnetInput): CheckProblem[] {
  const given = TRIO.filter((key) => input[key] !== undefined);
  if (given.length === 0 || given.length === TRIO.length) return [];
  const missing = TRIO.filter((key) => input[key] === undefined);
  return [
    {
      path: `/${given[0]}`,
      message: `${missing.join(" and ")} ${missing.length === 1 ? "is" : "are"} missing: vnet_resourcegroup_name, vnet_name and subnet_name come together, or not at all`,
      hint: `given: ${given.join(", ")}`,
    },
  ];
}

export function hasVnet(input: VnetInput): boolean {
  return TRIO.every((key) => input[key] !== undefined);
}

/** ARM resource id of the subnet, in the workspace's subscription as the SDK builds it. */
export function subnetResourceId(subscriptionId: string, input: VnetInput): string | undefined {
  if (!hasVnet(input)) return undefined;
  return (
    `/subscriptions/${subscriptionId}/resourceGroups/${input.vnet_resourcegroup_name}` +
    `/providers/Microsoft.Network/virtualNetworks/${input.vnet_name}/subnets/${input.subnet_name}`
  );
}
