import type { DatabricksSpec } from "../world-types.js";
import { base, type ArmResource, type Scope } from "./base.js";

export function databricksResource(scope: Scope, d: DatabricksSpec): ArmResource {
  const { s, rg } = scope;
  return {
    ...base(s, rg, "Microsoft.Databricks", "workspaces", d.name, d.location),
    sku: { name: "premium" },
    properties: {
      managedResourceGroupId: `/subscriptions/${s}/resourceGroups/databricks-rg-${d.name}`,
      provisioningState: "Succeeded",
      workspaceId: "1234567890123456",
      workspaceUrl: `adb-1234567890123456.7.azuredatabricks.net`,
    },
  };
}
