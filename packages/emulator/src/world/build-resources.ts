import { virtualMachineResources } from "./resources/virtual-machine.js";
import { hdInsightResource } from "./resources/hdinsight.js";
import { batchAccountResource } from "./resources/batch-account.js";
import { databricksResource } from "./resources/databricks.js";
import { dataLakeAnalyticsResource } from "./resources/datalake-analytics.js";
import { aksResource } from "./resources/aks.js";
import { genericResource } from "./resources/generic.js";
import type { ArmResource } from "./resources/base.js";
import type { ResourceGroupSpec, SubscriptionSpec } from "./world-types.js";

export type { ArmResource } from "./resources/base.js";

/** The ARM resources (GET-able, attachable) a resource group of the world holds. */
export function buildResources(sub: SubscriptionSpec, rg: ResourceGroupSpec): ArmResource[] {
  const scope = { s: sub.id, rg };
  return [
    ...(rg.virtual_machines ?? []).flatMap((x) => virtualMachineResources(scope, x)),
    ...(rg.hdinsight_clusters ?? []).map((x) => hdInsightResource(scope, x)),
    ...(rg.batch_accounts ?? []).map((x) => batchAccountResource(scope, x)),
    ...(rg.databricks_workspaces ?? []).map((x) => databricksResource(scope, x)),
    ...(rg.datalake_analytics_accounts ?? []).map((x) => dataLakeAnalyticsResource(scope, x)),
    ...(rg.aks_clusters ?? []).map((x) => aksResource(scope, x)),
    ...(rg.other_resources ?? []).map((x) => genericResource(scope, x)),
  ];
}
