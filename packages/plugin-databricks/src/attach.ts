import { applyAttach } from "@computeflow/attach-kit";
import type { StepContext, StepResult } from "@computeflow/core";
import { attachRequest } from "./body.js";
import { planDatabricksAttach } from "./plan.js";
import type { AttachInput } from "./schema.js";

/** The document's sample prints the access token; this never does: it is marked secret before any call. */
export function attachDatabricks(ctx: StepContext<AttachInput>): Promise<StepResult> {
  ctx.secret(ctx.with.access_token);
  return applyAttach(ctx, { plan: planDatabricksAttach, request: (at) => attachRequest(ctx.with, at) });
}
