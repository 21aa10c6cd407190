import { armRequest, type ArmReply } from "@computeflow/attach-kit";
import type { StepContext } from "@computeflow/core";

// Every Azure read of this plugin: the VM, its primary NIC and that NIC's public IP.

const COMPUTE_API = "2023-03-01";
const NETWORK_API = "2023-05-01";

export function getVm(ctx: StepContext<unknown>, resourceId: string): Promise<ArmReply> {
  return armRequest(ctx, "GET", resourceId, COMPUTE_API);
}

/** The VM's public IP address, or undefined when it has none (Azure ML needs one). */
export async function publicIpOf(ctx: StepContext<unknown>, vm: Record<string, unknown>): Promise<string | undefined> {
  const props = vm.properties as { networkProfile?: { networkInterfaces?: { id: string; properties?: { primary?: boolean } }[] } } | undefined;
  const nics = props?.networkProfile?.networkInterfaces ?? [];
  const nicRef = nics.find((n) => n.properties?.primary) ?? nics[0];
  if (!nicRef) return undefined;
  const nic = await armRequest(ctx, "GET", nicRef.id, NETWORK_API);
  const configs = (nic.body?.properties as { ipConfigurations?: { properties?: { publicIPAddress?: { id: string } } }[] } | undefined)?.ipConfigurations ?? [];
  const ipId = configs.map((c) => c.properties?.publicIPAddress?.id).find((id) => id !== undefined);
  if (!ipId) return undefined;
  const ip = await armRequest(ctx, "GET", ipId, NETWORK_API);
  return (ip.body?.properties as { ipAddress?: string } | undefined)?.ipAddress || undefined;
}
