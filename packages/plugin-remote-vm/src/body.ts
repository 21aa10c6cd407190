import type { ComputeResource } from "@azure/arm-machinelearningservices";

export interface VmAttachBody {
  location: string | undefined;
  resourceId: string | undefined;
  address: string | undefined;
  sshPort: number;
  administratorAccount: Record<string, string>;
}

/** The swagger's VirtualMachine compute: what `RemoteCompute.attach_configuration` sent. */
export function vmAttachBody(input: VmAttachBody): ComputeResource {
  return {
    ...(input.location ? { location: input.location } : {}),
    properties: {
      computeType: "VirtualMachine",
      ...(input.resourceId ? { resourceId: input.resourceId } : {}),
      properties: {
        ...(input.address ? { address: input.address } : {}),
        sshPort: input.sshPort,
        administratorAccount: input.administratorAccount,
      },
    },
  };
}
