import { REATTACH_PROPERTY, resourceIdPattern, SSH_CREDENTIAL_PROPERTIES, type SshAttachWith } from "@computeflow/attach-kit";

/** `RemoteCompute.attach_configuration(resource_id | address, ssh_port, username, password | private_key_file, private_key_passphrase)`. */
export interface RemoteVmAttachWith extends SshAttachWith {
  resource_id?: string;
  address?: string;
  /** Fail the pre-flight unless Docker works on the VM (a Docker run configuration will target it). */
  require_docker?: boolean;
  reattach?: boolean;
}

export const VM_RESOURCE_PATTERN = resourceIdPattern("Microsoft.Compute", "virtualMachines");

export const attachSchema = {
  type: "object",
  additionalProperties: false,
  required: ["username"],
  properties: {
    resource_id: { type: "string", pattern: VM_RESOURCE_PATTERN, description: "ARM id of the VM: /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Compute/virtualMachines/<vm>." },
    address: { type: "string", minLength: 1, description: "IP address or DNS name, for a machine outside Azure (or to override the VM's public IP)." },
    ...SSH_CREDENTIAL_PROPERTIES,
    require_docker: { type: "boolean", default: false, description: "Require a working Docker engine on the VM." },
    reattach: REATTACH_PROPERTY,
  },
  anyOf: [{ required: ["resource_id"] }, { required: ["address"] }],
} as const;
