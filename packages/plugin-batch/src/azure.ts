import type { BatchAccount } from "@azure/arm-batch";
import { putComputeRaw, type ResourceIdParts } from "@computeflow/attach-kit";
import type { StepContext } from "@computeflow/core";

// Every Azure call of this plugin: the account read (arm-batch, loaded when a step reads it:
// validate loads no Azure SDK module) and the raw attach PUT.

export async function getBatchAccount(ctx: StepContext<unknown>, account: ResourceIdParts): Promise<BatchAccount> {
  const { BatchManagementClient } = await import("@azure/arm-batch");
  const client = new BatchManagementClient(ctx.azure.credential, account.subscriptionId, ctx.azure.clientOptions());
  return client.batchAccountOperations.get(account.resourceGroup, account.name, { abortSignal: ctx.signal });
}

/**
 * `computeType: "Batch"` is not in the published API's enum, and the typed ML SDK drops
 * `properties` for a type it does not know: send the body the Python SDK sent, raw.
 */
export function putBatchCompute(ctx: StepContext<unknown>, location: string | undefined, resourceId: string): Promise<void> {
  return putComputeRaw(ctx, { ...(location ? { location } : {}), properties: { computeType: "Batch", resourceId } });
}
