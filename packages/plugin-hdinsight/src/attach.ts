import { applySshAttach } from "@computeflow/attach-kit";
import type { StepContext, StepResult } from "@computeflow/core";
import { attachRequest } from "./body.js";
import { planHdiAttach } from "./plan.js";
import type { AttachInput } from "./schema.js";

/** `action: attach`: sends exactly body()'s PUT, as planned (the cluster checks and the SSH pre-flight). */
export function attachHdi(ctx: StepContext<AttachInput>): Promise<StepResult> {
  return applySshAttach(ctx, planHdiAttach, (at) => attachRequest(ctx.with, at));
}
