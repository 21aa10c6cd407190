import { attachPut, sshAccount } from "@computeflow/attach-kit";
import type { ArmRequest, BodyContext } from "@computeflow/core";
import type { AttachInput } from "./schema.js";

/**
 * `body(input)` of `action: attach`: the spec's VirtualMachine compute as azureml-core's
 * `RemoteCompute._build_attach_payload` sends it: exactly one of `resourceId` and
 * `properties.address` is set (the SDK refuses both). computeflow always attaches by
 * `resourceId`; `address` only steers the pre-flight. The key text comes from core
 * (BodyContext.files), and its public half is derived here, so the body reads nothing.
 */
export function attachRequest(input: AttachInput, ctx: BodyContext): ArmRequest {
  return attachPut(ctx, {
    properties: {
      computeType: "VirtualMachine",
      resourceId: input.resource_id,
      properties: { sshPort: input.ssh_port, administratorAccount: sshAccount(input, ctx.files) },
    },
  });
}
