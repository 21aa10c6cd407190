import { blocked, planAttach, type AttachPlanState } from "@computeflow/attach-kit";
import { describeAzureError, type PlanEntry, type StepContext } from "@computeflow/core";
import { adlaIdOf } from "./body.js";
import { getAdlaAccount, type AdlaAccount } from "./sdk.js";
import { RETIRED, type AttachInput } from "./schema.js";

export interface AdlaPlanState extends AttachPlanState {
  defaultStore?: string;
}

export async function planAdlaAttach(ctx: StepContext<AttachInput>): Promise<PlanEntry> {
  const input = ctx.with;
  let account: AdlaAccount;
  try {
    account = await getAdlaAccount(ctx, input.resource_group, input.account_name);
  } catch (error) {
    const e = describeAzureError(error, `Data Lake Analytics account ${input.account_name} in resource group ${input.resource_group} not found`);
    if (e.status === 404) return blocked(e.code, e.message, "check account_name and resource_group (the account must be in the workspace's subscription)", [RETIRED]);
    throw e;
  }
  const defaultStore = account.defaultDataLakeStoreAccount;
  const notes = [RETIRED, `pipelines read only data in the account's default store${defaultStore ? ` (${defaultStore})` : ""}; copy other data there with a DataTransferStep`];
  const resourceId = account.id ?? adlaIdOf(ctx.workspace.subscriptionId, input.resource_group, input.account_name);
  const settings = { dataLakeStoreAccountName: defaultStore };
  const entry = await planAttach(ctx, { resourceId, computeType: "DataLakeAnalytics", settings, notes }, input.reattach);
  return entry.state ? { ...entry, state: { ...(entry.state as AttachPlanState), defaultStore } satisfies AdlaPlanState } : entry;
}
