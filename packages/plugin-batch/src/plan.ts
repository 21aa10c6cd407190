import { blocked, planAttach } from "@computeflow/attach-kit";
import { describeAzureError, type PlanEntry, type StepContext } from "@computeflow/core";
import { accountOf } from "./account-id.js";
import { getBatchAccount } from "./sdk.js";
import type { AttachInput } from "./schema.js";

export async function planBatchAttach(ctx: StepContext<AttachInput>): Promise<PlanEntry> {
  const parts = accountOf(ctx.with, ctx.workspace.subscriptionId);
  let account;
  try {
    account = await getBatchAccount(ctx, parts);
  } catch (error) {
    const e = describeAzureError(error, `Batch account ${parts.name} in resource group ${parts.resourceGroup} not found`);
    if (e.status === 404) return blocked(e.code, e.message, "check account_name and resource_group (the account must be in the workspace's subscription)");
    throw e;
  }
  if (account.provisioningState !== "Succeeded") {
    return blocked("E_NOT_READY", `Batch account ${parts.name} is ${account.provisioningState ?? "not provisioned"}`, "wait until the account is provisioned (Succeeded)");
  }
  const notes = [`Batch account ${account.accountEndpoint ?? parts.name} is provisioned`, "compute type Batch is outside the published API's enum: sent as the Python SDK did"];
  return planAttach(ctx, { resourceId: account.id ?? "", computeType: "Batch", settings: {}, notes }, ctx.with.reattach);
}
