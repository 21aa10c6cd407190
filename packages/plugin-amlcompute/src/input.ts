/** `with` of `action: provision`, after defaults (see schema.ts). */
export interface ProvisionInput {
  vm_size: string;
  vm_priority: "dedicated" | "lowpriority";
  min_nodes: number;
  max_nodes: number;
  idle_seconds_before_scaledown: number;
  admin_username?: string;
  admin_user_password?: string;
  admin_user_ssh_key?: string;
  vnet_resourcegroup_name?: string;
  vnet_name?: string;
  subnet_name?: string;
  remote_login_port_public_access: "Enabled" | "Disabled" | "NotSpecified";
  enable_node_public_ip: boolean;
  identity_type?: "SystemAssigned" | "UserAssigned";
  identity_id?: string[];
  tags?: Record<string, string>;
  description?: string;
  location?: string;
}
