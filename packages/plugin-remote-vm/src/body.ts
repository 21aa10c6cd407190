import type { ComputeBody } from "@computeflow/attach-kit";

export interface VmAttachBody {
  location: string | undefined;
  resourceId: string;
  address: string | undefined;
  sshPort: number;
  administratorAccount: Record<string, string>;
}

/** The swagger's VirtualMachine compute: what `RemoteCompute.attach_configuration` sent. */
export function vmAttachBody(input: VmAttachBody): ComputeBody {
  return {
    ...(input.location ? { location: input.location } : {}),
    properties: {
      computeType: "VirtualMachine",
      resourceId: input.resourceId,
      properties: {
        ...(input.address ? { address: input.address } : {}),
        sshPort: input.sshPort,
        administratorAccount: input.administratorAccount,
      },
    },
  };
}
