import type { ParameterDoc } from "@computeflow/compute-kit";

const P = "properties.properties";

export const provisionParameterDocs: Readonly<Record<string, ParameterDoc>> = {
  vm_size: { python: "vm_size", arm: `${P}.vmSize` },
  vm_priority: { python: "vm_priority", arm: `${P}.vmPriority (Dedicated / LowPriority)` },
  min_nodes: { python: "min_nodes", arm: `${P}.scaleSettings.minNodeCount` },
  max_nodes: { python: "max_nodes", arm: `${P}.scaleSettings.maxNodeCount` },
  idle_seconds_before_scaledown: { python: "idle_seconds_before_scaledown", arm: `${P}.scaleSettings.nodeIdleTimeBeforeScaleDown (PT{n}S)` },
  admin_username: { python: "admin_username", arm: `${P}.userAccountCredentials.adminUserName` },
  admin_user_password: { python: "admin_user_password", arm: `${P}.userAccountCredentials.adminUserPassword` },
  admin_user_ssh_key: { python: "admin_user_ssh_key", arm: `${P}.userAccountCredentials.adminUserSshPublicKey` },
  vnet_resourcegroup_name: { python: "vnet_resourcegroup_name", arm: `${P}.subnet.id` },
  vnet_name: { python: "vnet_name", arm: `${P}.subnet.id` },
  subnet_name: { python: "subnet_name", arm: `${P}.subnet.id` },
  remote_login_port_public_access: { python: "remote_login_port_public_access", arm: `${P}.remoteLoginPortPublicAccess` },
  enable_node_public_ip: { python: "enable_node_public_ip", arm: `${P}.enableNodePublicIp` },
  identity_type: { python: "identity_type", arm: "identity.type" },
  identity_id: { python: "identity_id", arm: "identity.userAssignedIdentities" },
  tags: { python: "tags", arm: "tags" },
  description: { python: "description", arm: "properties.description" },
  location: { python: "compute_location", arm: "location" },
};
