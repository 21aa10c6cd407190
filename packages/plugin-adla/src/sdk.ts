import type { DataLakeAnalyticsAccountManagementModels } from "@azure/arm-datalake-analytics";
import type { StepContext } from "@computeflow/core";

// Every SDK call of this plugin: the account read, through the old ms-rest-js client, loaded
// when a step reads it (validate loads no Azure SDK module). The attach PUT is body.ts's request.

export type AdlaAccount = DataLakeAnalyticsAccountManagementModels.DataLakeAnalyticsAccount;

export async function getAdlaAccount(ctx: StepContext<unknown>, resourceGroup: string, accountName: string): Promise<AdlaAccount> {
  const { DataLakeAnalyticsAccountManagementClient } = await import("@azure/arm-datalake-analytics");
  const client = new DataLakeAnalyticsAccountManagementClient(ctx.azure.credential, ctx.azure.subscriptionId, ctx.azure.legacyClientOptions());
  return client.accounts.get(resourceGroup, accountName, { abortSignal: ctx.signal as never });
}
