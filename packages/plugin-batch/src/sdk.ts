import type { BatchAccount } from "@azure/arm-batch";
import type { ResourceIdParts } from "@computeflow/attach-kit";
import type { StepContext } from "@computeflow/core";
import { createRequire } from "node:module";

// require(), not import(): a CommonJS SDK loaded in one synchronous step cannot interleave
// with another SDK's module loading still in flight (under vitest, an import() of it failed
// with "Cannot require() ES Module ... not yet fully loaded" while the ML SDK was loading).
const require = createRequire(import.meta.url);

// Every SDK call of this plugin: the account read (arm-batch, loaded when a step reads it:
// validate loads no Azure SDK module). The attach PUT is body.ts's request, sent raw by attach-kit.

export async function getBatchAccount(ctx: StepContext<unknown>, account: ResourceIdParts): Promise<BatchAccount> {
  const { BatchManagementClient } = require("@azure/arm-batch") as typeof import("@azure/arm-batch");
  const client = new BatchManagementClient(ctx.azure.credential, account.subscriptionId, ctx.azure.clientOptions());
  return client.batchAccountOperations.get(account.resourceGroup, account.name, { abortSignal: ctx.signal });
}
