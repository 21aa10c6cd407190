import { resourceId } from "../../arm/arm-id.js";
import type { BatchAccountSpec } from "../world-types.js";
import { base, type ArmResource, type Scope } from "./base.js";

export function batchAccountResource(scope: Scope, b: BatchAccountSpec): ArmResource {
  const { s, rg } = scope;
  const location = b.location ?? rg.location;
  return {
    ...base(s, rg, "Microsoft.Batch", "batchAccounts", b.name, location),
    identity: { type: "None" },
    properties: {
      accountEndpoint: `${b.name}.${location}.batch.azure.com`,
      provisioningState: "Succeeded",
      poolAllocationMode: "BatchService",
      dedicatedCoreQuota: 20,
      lowPriorityCoreQuota: 20,
      poolQuota: 20,
      activeJobAndJobScheduleQuota: 20,
      publicNetworkAccess: "Enabled",
      ...(b.auto_storage
        ? { autoStorage: { storageAccountId: resourceId(s, rg.name, "Microsoft.Storage", "storageAccounts", b.auto_storage), lastKeySync: "2021-01-01T00:00:00.0000000Z" } }
        : {}),
    },
  };
}
