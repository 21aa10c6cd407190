import { attachSsh } from "@computeflow/attach-kit";
import type { StepContext, StepResult } from "@computeflow/core";
import { vmAttachBody } from "./body.js";
import { planVmAttach } from "./plan.js";
import type { AttachInput } from "./schema.js";

export function attachVm(ctx: StepContext<AttachInput>): Promise<StepResult> {
  const input = ctx.with;
  return attachSsh(ctx, planVmAttach, (location, _state, administratorAccount) =>
    vmAttachBody({ location, resourceId: input.resource_id, sshPort: input.ssh_port, administratorAccount }),
  );
}
