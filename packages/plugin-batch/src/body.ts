import { attachPut } from "@computeflow/attach-kit";
import type { ArmRequest, BodyContext } from "@computeflow/core";
import { accountIdOf } from "./account-id.js";
import type { AttachInput } from "./schema.js";

/**
 * `body(input)` of `action: attach`: the PUT apply sends. `computeType: "Batch"` is not in the
 * published API's enum, and the typed ML SDK drops `properties` for a type it does not know:
 * this is the body the Python SDK sent, sent raw.
 */
export function attachRequest(input: AttachInput, ctx: BodyContext): ArmRequest {
  return attachPut(ctx, { properties: { computeType: "Batch", resourceId: accountIdOf(input, ctx.workspace.subscriptionId) } });
}
