import type { ComputeBody } from "@computeflow/attach-kit";

export interface VmAttachBody {
  location: string | undefined;
  resourceId: string;
  sshPort: number;
  administratorAccount: Record<string, string>;
}

/**
 * The spec's VirtualMachine compute as azureml-core's `RemoteCompute._build_attach_payload`
 * sends it: exactly one of `resourceId` and `properties.address` is set (the SDK refuses
 * both). computeflow always attaches by `resourceId`; `address` only steers the pre-flight.
 */
export function vmAttachBody(input: VmAttachBody): ComputeBody {
  return {
    ...(input.location ? { location: input.location } : {}),
    properties: {
      computeType: "VirtualMachine",
      resourceId: input.resourceId,
      properties: {
        sshPort: input.sshPort,
        administratorAccount: input.administratorAccount,
      },
    },
  };
}
