import { applyAttach } from "@computeflow/attach-kit";
import type { StepContext, StepResult } from "@computeflow/core";
import { attachRequest } from "./body.js";
import { planBatchAttach } from "./plan.js";
import type { AttachInput } from "./schema.js";

/** `action: attach`: sends body()'s PUT; ARM's error on it names the attach. */
export function attachBatch(ctx: StepContext<AttachInput>): Promise<StepResult> {
  return applyAttach(ctx, { plan: planBatchAttach, request: (at) => attachRequest(ctx.with, at), raw: true });
}
