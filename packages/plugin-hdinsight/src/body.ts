import { attachPut, parseResourceId, sshAccount } from "@computeflow/attach-kit";
import type { ArmRequest, BodyContext } from "@computeflow/core";
import type { AttachInput } from "./schema.js";

/** The document: connect to `<clustername>-ssh.azurehdinsight.net`, unless `address` says otherwise. */
export function sshAddressOf(input: Pick<AttachInput, "address" | "resource_id">): string {
  return input.address ?? `${parseResourceId(input.resource_id)?.name ?? ""}-ssh.azurehdinsight.net`;
}

/**
 * `body(input)` of `action: attach`: the swagger's HDInsight compute, what
 * `HDInsightCompute.attach_configuration` sent. The address comes from `with`, the key text
 * from core (BodyContext.files) with its public half derived here: the body reads nothing.
 */
export function attachRequest(input: AttachInput, ctx: BodyContext): ArmRequest {
  return attachPut(ctx, {
    properties: {
      computeType: "HDInsight",
      resourceId: input.resource_id,
      properties: { address: sshAddressOf(input), sshPort: input.ssh_port, administratorAccount: sshAccount(input, ctx.files) },
    },
  });
}
