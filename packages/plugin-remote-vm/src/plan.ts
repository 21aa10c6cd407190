import { blocked, missingResource, planAttach, readSshCredentials, type AttachPlanState } from "@computeflow/attach-kit";
import type { PlanEntry, StepContext } from "@computeflow/core";
import { getVm, publicIpOf } from "./azure.js";
import { isPlanEntry, preflightOrBlocked } from "./preflight.js";
import type { RemoteVmAttachWith } from "./schema.js";

export interface VmPlanState extends AttachPlanState {
  address?: string;
  docker?: string;
}

export async function planVmAttach(ctx: StepContext<RemoteVmAttachWith>): Promise<PlanEntry> {
  const input = ctx.with;
  const credentials = await readSshCredentials(ctx, input);
  const notes: string[] = [];
  let resourceId = input.resource_id;
  let address = input.address;
  if (resourceId !== undefined) {
    const vm = await getVm(ctx, resourceId);
    const missing = missingResource(vm, `VM ${resourceId} not found`, "check resource_id: subscription, resource group and VM name");
    if (missing) return missing;
    resourceId = typeof vm.body?.id === "string" ? vm.body.id : resourceId;
    const publicIp = await publicIpOf(ctx, vm.body ?? {});
    if (publicIp === undefined) {
      return blocked(
        "E_NO_PUBLIC_IP",
        `VM ${String(vm.body?.name ?? resourceId)} has no public IP address; Azure Machine Learning reaches a remote VM only through one`,
        "add a public IP address to the VM's primary network interface",
      );
    }
    notes.push(`the VM exists and has public IP ${publicIp}`);
    address ??= publicIp;
  }
  const sshPort = input.ssh_port ?? 22;
  const entry = await planAttach(
    ctx,
    { resourceId: resourceId ?? "", computeType: "VirtualMachine", settings: { address, sshPort, "administratorAccount.username": input.username }, notes },
    input.reattach ?? false,
  );
  if (entry.change !== "attach" && entry.change !== "reattach") return entry;
  const preflight = await preflightOrBlocked(ctx, address!, sshPort, credentials, input.require_docker ?? false);
  if (isPlanEntry(preflight)) return { ...preflight, notes };
  notes.push(`SSH pre-flight passed: ${preflight.os.prettyName ?? preflight.os.id}, ${preflight.docker ?? "no Docker"}`);
  return { ...entry, notes, state: { ...(entry.state as AttachPlanState), address, docker: preflight.docker ?? "" } satisfies VmPlanState };
}
