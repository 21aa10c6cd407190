import type { DataLakeAnalyticsSpec } from "../world-types.js";
import { base, type ArmResource, type Scope } from "./base.js";

export function dataLakeAnalyticsResource(scope: Scope, a: DataLakeAnalyticsSpec): ArmResource {
  const { s, rg } = scope;
  const store = a.default_store ?? `${a.name}store`;
  return {
    ...base(s, rg, "Microsoft.DataLakeAnalytics", "accounts", a.name, a.location),
    properties: {
      accountId: "00000000-0000-0000-0000-0000000000ad",
      provisioningState: "Succeeded",
      state: "Active",
      creationTime: "2021-01-01T00:00:00.0000000Z",
      lastModifiedTime: "2021-01-01T00:00:00.0000000Z",
      endpoint: `${a.name}.azuredatalakeanalytics.net`,
      defaultDataLakeStoreAccount: store,
      dataLakeStoreAccounts: [{ id: `${store}-id`, name: store, type: "Microsoft.DataLakeAnalytics/accounts/dataLakeStoreAccounts", properties: { suffix: "azuredatalakestore.net" } }],
      storageAccounts: [],
      computePolicies: [],
      firewallRules: [],
      firewallState: "Disabled",
      firewallAllowAzureIps: "Disabled",
      newTier: "Consumption",
      currentTier: "Consumption",
      maxJobCount: 20,
      systemMaxJobCount: 20,
      maxDegreeOfParallelism: 30,
      systemMaxDegreeOfParallelism: 250,
      maxDegreeOfParallelismPerJob: 32,
      minPriorityPerJob: 1,
      queryStoreRetention: 30,
    },
  };
}
