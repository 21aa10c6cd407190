import { administratorAccount, plannedState, putCompute, readSshCredentials, startAttach, workspaceLocation } from "@computeflow/attach-kit";
import type { StepContext, StepResult } from "@computeflow/core";
import { publicKeyOf } from "@computeflow/ssh-preflight";
import { vmAttachBody } from "./body.js";
import { planVmAttach, type VmPlanState } from "./plan.js";
import type { RemoteVmAttachWith } from "./schema.js";

export async function attachVm(ctx: StepContext<RemoteVmAttachWith>): Promise<StepResult> {
  const input = ctx.with;
  const credentials = await readSshCredentials(ctx, input);
  const state = await plannedState<VmPlanState>(ctx, planVmAttach);
  const docker = { docker: state.docker ?? "" };
  if (state.mode === "noop") return startAttach(ctx, state, async () => {}, docker);
  const publicKey = credentials.privateKey === undefined ? undefined : publicKeyOf(credentials.privateKey, credentials.passphrase);
  const body = vmAttachBody({
    location: await workspaceLocation(ctx),
    resourceId: input.resource_id,
    address: state.address ?? input.address,
    sshPort: input.ssh_port ?? 22,
    administratorAccount: administratorAccount(credentials, publicKey),
  });
  return startAttach(ctx, state, () => putCompute(ctx, body), docker);
}
