import type { ComputeResource } from "@azure/arm-machinelearningservices";
import { subnetResourceId } from "@computeflow/compute-kit";
import type { InstanceInput } from "./input.js";

/** The PUT body the Python SDK would send, shaped like the REST examples (ComputeInstance.json). */
export function instanceBody(input: InstanceInput, subscriptionId: string, location: string): ComputeResource {
  const subnet = subnetResourceId(subscriptionId, input);
  const personal = input.assigned_user_object_id !== undefined && input.assigned_user_tenant_id !== undefined;
  return {
    location,
    tags: input.tags,
    properties: {
      computeType: "ComputeInstance",
      description: input.description,
      properties: {
        vmSize: input.vm_size,
        subnet: subnet === undefined ? undefined : { id: subnet },
        applicationSharingPolicy: personal ? "Personal" : undefined,
        sshSettings: {
          sshPublicAccess: input.ssh_public_access ? "Enabled" : "Disabled",
          adminPublicKey: input.admin_user_ssh_public_key,
        },
        computeInstanceAuthorizationType: personal ? "personal" : undefined,
        personalComputeInstanceSettings: personal
          ? { assignedUser: { objectId: input.assigned_user_object_id!, tenantId: input.assigned_user_tenant_id! } }
          : undefined,
      },
    },
  };
}
