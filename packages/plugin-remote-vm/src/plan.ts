import { blocked, missingResource, planSshAttach } from "@computeflow/attach-kit";
import type { PlanEntry, StepContext } from "@computeflow/core";
import { getVm, publicIpOf } from "./sdk.js";
import type { AttachInput } from "./schema.js";

export async function planVmAttach(ctx: StepContext<AttachInput>): Promise<PlanEntry> {
  const input = ctx.with;
  const vm = await getVm(ctx, input.resource_id);
  const missing = missingResource(vm, `VM ${input.resource_id} not found`, "check resource_id: subscription, resource group and VM name");
  if (missing) return missing;
  const resourceId = typeof vm.body?.id === "string" ? vm.body.id : input.resource_id;
  const publicIp = await publicIpOf(ctx, vm.body ?? {});
  if (publicIp === undefined) {
    return blocked(
      "E_NO_PUBLIC_IP",
      `VM ${String(vm.body?.name ?? resourceId)} has no public IP address; Azure Machine Learning reaches a remote VM only through one`,
      "add a public IP address to the VM's primary network interface",
    );
  }
  const notes = [`the VM exists and has public IP ${publicIp}`];
  const address = input.address ?? publicIp;
  // address is not sent (the body carries resourceId only), so it is no setting to compare
  const settings = { sshPort: input.ssh_port, "administratorAccount.username": input.username };
  return planSshAttach(ctx, { resourceId, computeType: "VirtualMachine", settings, notes, address, requireDocker: input.require_docker });
}
