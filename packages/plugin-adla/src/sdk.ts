import type { DataLakeAnalyticsAccountManagementModels } from "@azure/arm-datalake-analytics";
import type { StepContext } from "@computeflow/core";
import { createRequire } from "node:module";

// require(), not import(): a CommonJS SDK loaded in one synchronous step cannot interleave
// with another SDK's module loading still in flight (under vitest, an import() of it failed
// with "Cannot require() ES Module ... not yet fully loaded" while the ML SDK was loading).
const require = createRequire(import.meta.url);

// Every SDK call of this plugin: the account read, through the old ms-rest-js client, loaded
// when a step reads it (validate loads no Azure SDK module). The attach PUT is body.ts's request.

export type AdlaAccount = DataLakeAnalyticsAccountManagementModels.DataLakeAnalyticsAccount;

export async function getAdlaAccount(ctx: StepContext<unknown>, resourceGroup: string, accountName: string): Promise<AdlaAccount> {
  const { DataLakeAnalyticsAccountManagementClient } = require("@azure/arm-datalake-analytics") as typeof import("@azure/arm-datalake-analytics");
  const client = new DataLakeAnalyticsAccountManagementClient(ctx.azure.credential, ctx.azure.subscriptionId, ctx.azure.legacyClientOptions());
  return client.accounts.get(resourceGroup, accountName, { abortSignal: ctx.signal as never });
}
