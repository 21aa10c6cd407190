import { REATTACH_PROPERTY, resourceIdPattern, SSH_CREDENTIAL_PROPERTIES, type SshAttachWith } from "@computeflow/attach-kit";

/** `HDInsightCompute.attach_configuration(resource_id, ssh_port, username, password | private_key_file, private_key_passphrase)`. */
export interface AttachInput extends SshAttachWith {
  resource_id: string;
  address?: string;
  reattach: boolean;
}

export const attachSchema = {
  type: "object",
  additionalProperties: false,
  required: ["resource_id", "username"],
  properties: {
    resource_id: {
      type: "string",
      pattern: resourceIdPattern("Microsoft.HDInsight", "clusters"),
      description: "ARM id of the cluster: /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.HDInsight/clusters/<cluster>.",
    },
    address: { type: "string", minLength: 1, description: "SSH host name; defaults to <clustername>-ssh.azurehdinsight.net." },
    ...SSH_CREDENTIAL_PROPERTIES,
    reattach: REATTACH_PROPERTY,
  },
} as const;
