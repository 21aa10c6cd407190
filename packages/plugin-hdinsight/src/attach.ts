import { attachSsh } from "@computeflow/attach-kit";
import type { StepContext, StepResult } from "@computeflow/core";
import { hdiAttachBody } from "./body.js";
import { planHdiAttach, sshAddressOf } from "./plan.js";
import type { AttachInput } from "./schema.js";

export function attachHdi(ctx: StepContext<AttachInput>): Promise<StepResult> {
  const input = ctx.with;
  return attachSsh(ctx, planHdiAttach, (location, state, account) =>
    hdiAttachBody(location, input.resource_id, state.address ?? sshAddressOf(input), input.ssh_port, account),
  );
}
