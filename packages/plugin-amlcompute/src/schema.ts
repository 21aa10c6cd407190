import type { JsonSchema } from "@computeflow/core";

const name = { type: "string", minLength: 1 };

/** `with` of `action: provision`: AmlCompute.provisioning_configuration, same names. */
export const provisionSchema: JsonSchema = {
  type: "object",
  additionalProperties: false,
  required: ["vm_size"],
  properties: {
    vm_size: { ...name, description: "VM size of the nodes (STANDARD_D2_V2 ...); must exist in the workspace's region." },
    vm_priority: { enum: ["dedicated", "lowpriority"], default: "dedicated", description: "Low priority VMs are cheaper but may be preempted: a preempted job restarts, it does not resume." },
    min_nodes: { type: "integer", minimum: 0, default: 0, description: "Nodes kept running; 0 lets the cluster scale to zero." },
    max_nodes: { type: "integer", minimum: 1, default: 4, description: "Most nodes the cluster scales up to." },
    idle_seconds_before_scaledown: { type: "integer", minimum: 0, default: 1800, description: "Idle time before a node is released." },
    admin_username: { ...name, description: "Administrator account created on every node (SSH)." },
    admin_user_password: { ...name, description: "Its password (secret: `${{ secrets.X }}` only)." },
    admin_user_ssh_key: { ...name, description: "Its SSH public key." },
    vnet_resourcegroup_name: { ...name, description: "Resource group of the virtual network." },
    vnet_name: { ...name, description: "Virtual network the nodes join." },
    subnet_name: { ...name, description: "Subnet of that network." },
    remote_login_port_public_access: { enum: ["Enabled", "Disabled", "NotSpecified"], default: "NotSpecified", description: "Public SSH port; NotSpecified closes it in a VNet, opens it otherwise." },
    enable_node_public_ip: { type: "boolean", default: true, description: "False gives nodes no public IP (needs a VNet)." },
    identity_type: { enum: ["SystemAssigned", "UserAssigned"], description: "Managed identity of the cluster." },
    identity_id: { type: "array", items: name, minItems: 1, uniqueItems: true, description: "User-assigned identity resource ids (UserAssigned only)." },
    tags: { type: "object", additionalProperties: { type: "string" }, description: "Resource tags." },
    description: { type: "string", description: "Description of the compute." },
    location: { ...name, description: "Region of the cluster; defaults to the workspace's." },
  },
};
