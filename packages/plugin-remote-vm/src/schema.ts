import { REATTACH_PROPERTY, resourceIdPattern, SSH_CREDENTIAL_PROPERTIES, type SshAttachWith } from "@computeflow/attach-kit";

/**
 * `RemoteCompute.attach_configuration(resource_id, ssh_port, username, password | private_key_file, private_key_passphrase)`.
 * The SDK's address-only form is deprecated and the service requires `resourceId`; `address` only overrides where SSH goes.
 */
export interface AttachInput extends SshAttachWith {
  resource_id: string;
  address?: string;
  /** Fail the pre-flight unless Docker works on the VM (a Docker run configuration will target it). */
  require_docker: boolean;
  reattach: boolean;
}

export const VM_RESOURCE_PATTERN = resourceIdPattern("Microsoft.Compute", "virtualMachines");

export const attachSchema = {
  type: "object",
  additionalProperties: false,
  required: ["resource_id", "username"],
  properties: {
    resource_id: { type: "string", pattern: VM_RESOURCE_PATTERN, description: "ARM id of the VM: /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Compute/virtualMachines/<vm>." },
    address: { type: "string", minLength: 1, description: "IP address or DNS name SSH uses; defaults to the VM's public IP." },
    ...SSH_CREDENTIAL_PROPERTIES,
    require_docker: { type: "boolean", default: false, description: "Require a working Docker engine on the VM." },
    reattach: REATTACH_PROPERTY,
  },
} as const;
