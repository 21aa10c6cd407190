import { applySshAttach } from "@computeflow/attach-kit";
import type { StepContext, StepResult } from "@computeflow/core";
import { attachRequest } from "./body.js";
import { planVmAttach } from "./plan.js";
import type { AttachInput } from "./schema.js";

/** `action: attach`: sends exactly body()'s PUT, as planned (the VM checks and the SSH pre-flight). */
export function attachVm(ctx: StepContext<AttachInput>): Promise<StepResult> {
  return applySshAttach(ctx, planVmAttach, (at) => attachRequest(ctx.with, at));
}
