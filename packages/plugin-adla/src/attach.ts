import { applyAttach } from "@computeflow/attach-kit";
import type { StepContext, StepResult } from "@computeflow/core";
import { attachRequest } from "./body.js";
import { planAdlaAttach } from "./plan.js";
import { RETIRED, type AttachInput } from "./schema.js";

export function attachAdla(ctx: StepContext<AttachInput>): Promise<StepResult> {
  ctx.log.warn(RETIRED);
  return applyAttach(ctx, { plan: planAdlaAttach, request: (at) => attachRequest(ctx.with, at) });
}
