import type { DataLakeAnalyticsAccountManagementModels } from "@azure/arm-datalake-analytics";
import type { ComputeBody } from "@computeflow/attach-kit";
import type { StepContext } from "@computeflow/core";

// Every Azure read of this plugin: the account, through the old ms-rest-js client, loaded
// when a step reads it (validate loads no Azure SDK module).

export type AdlaAccount = DataLakeAnalyticsAccountManagementModels.DataLakeAnalyticsAccount;

export async function getAdlaAccount(ctx: StepContext<unknown>, resourceGroup: string, accountName: string): Promise<AdlaAccount> {
  const { DataLakeAnalyticsAccountManagementClient } = await import("@azure/arm-datalake-analytics");
  const client = new DataLakeAnalyticsAccountManagementClient(ctx.azure.credential, ctx.azure.subscriptionId, ctx.azure.legacyClientOptions());
  return client.accounts.get(resourceGroup, accountName, { abortSignal: ctx.signal as never });
}

export function adlaIdOf(subscriptionId: string, resourceGroup: string, accountName: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.DataLakeAnalytics/accounts/${accountName}`;
}

/** The swagger's DataLakeAnalytics compute: what `AdlaCompute.attach_configuration` sent, plus the default store. */
export function adlaAttachBody(location: string | undefined, resourceId: string, dataLakeStoreAccountName: string | undefined): ComputeBody {
  return {
    ...(location ? { location } : {}),
    properties: { computeType: "DataLakeAnalytics", resourceId, ...(dataLakeStoreAccountName ? { properties: { dataLakeStoreAccountName } } : {}) },
  };
}
