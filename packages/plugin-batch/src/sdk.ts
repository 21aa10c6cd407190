import type { BatchAccount } from "@azure/arm-batch";
import type { ResourceIdParts } from "@computeflow/attach-kit";
import type { StepContext } from "@computeflow/core";

// Every SDK call of this plugin: the account read (arm-batch, loaded when a step reads it:
// validate loads no Azure SDK module). The attach PUT is body.ts's request, sent raw by attach-kit.

export async function getBatchAccount(ctx: StepContext<unknown>, account: ResourceIdParts): Promise<BatchAccount> {
  const { BatchManagementClient } = await import("@azure/arm-batch");
  const client = new BatchManagementClient(ctx.azure.credential, account.subscriptionId, ctx.azure.clientOptions());
  return client.batchAccountOperations.get(account.resourceGroup, account.name, { abortSignal: ctx.signal });
}
