import type { JsonSchema } from "@computeflow/core";
import { featureProperties } from "./features-schema.js";

const text = { type: "string", minLength: 1 };

/** `with` of `action: provision`: ComputeInstance.provisioning_configuration, same names. */
export const provisionSchema: JsonSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    vm_size: { ...text, default: "STANDARD_DS3_V2", description: "VM size; must exist in the workspace's region." },
    ssh_public_access: { type: "boolean", default: false, description: "Open the public SSH port (needs admin_user_ssh_public_key)." },
    admin_user_ssh_public_key: { ...text, description: "SSH public key of the azureuser account." },
    vnet_resourcegroup_name: { ...text, description: "Resource group of the virtual network." },
    vnet_name: { ...text, description: "Virtual network the instance joins." },
    subnet_name: { ...text, description: "Subnet of that network." },
    assigned_user_object_id: { ...text, description: "AAD object id of the user the instance is created for." },
    assigned_user_tenant_id: { ...text, description: "AAD tenant id of that user." },
    tags: { type: "object", additionalProperties: { type: "string" }, description: "Resource tags." },
    description: { type: "string", description: "Description of the compute." },
    state: {
      type: "string",
      enum: ["running", "stopped"],
      default: "running",
      description: "The instance's power state at the end of the run (stopped: it costs no compute money). A rerun with the instance in that state changes nothing.",
    },
    unique_name: {
      type: "boolean",
      default: false,
      description: "Append \"-\" and 8 hex digits derived from the workspace (the document's sample uses the workspace id): instance names are unique across the region.",
    },
    ...featureProperties,
  },
};

/** `with` of start, stop, restart and delete: the instance, by default the step's name. */
export const targetSchema: JsonSchema = {
  type: "object",
  additionalProperties: false,
  properties: { compute: { ...text, description: "The compute instance; defaults to the step's name." } },
};
