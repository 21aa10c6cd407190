import { attachPut } from "@computeflow/attach-kit";
import type { ArmRequest, BodyContext } from "@computeflow/core";
import type { AdlaPlanState } from "./plan.js";
import type { AttachInput } from "./schema.js";

export function adlaIdOf(subscriptionId: string, resourceGroup: string, accountName: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.DataLakeAnalytics/accounts/${accountName}`;
}

/**
 * `body(input)` of `action: attach`: the swagger's DataLakeAnalytics compute, what
 * `AdlaCompute.attach_configuration` sent, plus the account's default store as the plan read
 * it (BodyContext.plan: the action declares planBeforeBody).
 */
export function attachRequest(input: AttachInput, ctx: BodyContext): ArmRequest {
  const dataLakeStoreAccountName = (ctx.plan?.state as AdlaPlanState | undefined)?.defaultStore;
  return attachPut(ctx, {
    properties: {
      computeType: "DataLakeAnalytics",
      resourceId: adlaIdOf(ctx.workspace.subscriptionId, input.resource_group, input.account_name),
      ...(dataLakeStoreAccountName ? { properties: { dataLakeStoreAccountName } } : {}),
    },
  });
}
