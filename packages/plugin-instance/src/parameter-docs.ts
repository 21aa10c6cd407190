import type { ParameterDoc } from "@computeflow/compute-kit";

const P = "properties.properties";

export const provisionParameterDocs: Readonly<Record<string, ParameterDoc>> = {
  vm_size: { python: "vm_size", arm: `${P}.vmSize` },
  ssh_public_access: { python: "ssh_public_access", arm: `${P}.sshSettings.sshPublicAccess (Enabled / Disabled)` },
  admin_user_ssh_public_key: { python: "admin_user_ssh_public_key", arm: `${P}.sshSettings.adminPublicKey` },
  vnet_resourcegroup_name: { python: "vnet_resourcegroup_name", arm: `${P}.subnet.id` },
  vnet_name: { python: "vnet_name", arm: `${P}.subnet.id` },
  subnet_name: { python: "subnet_name", arm: `${P}.subnet.id` },
  assigned_user_object_id: { python: "assigned_user_object_id", arm: `${P}.personalComputeInstanceSettings.assignedUser.objectId` },
  assigned_user_tenant_id: { python: "assigned_user_tenant_id", arm: `${P}.personalComputeInstanceSettings.assignedUser.tenantId` },
  tags: { python: "tags", arm: "tags" },
  description: { python: "description", arm: "properties.description" },
  state: { python: "instance.stop() / instance.start() (after create)", arm: "POST computes/{name}/stop|start" },
  unique_name: { python: '"ci{}".format(ws._workspace_id) (sample)', arm: "compute name" },
  idle_time_before_shutdown_minutes: { python: "ComputeInstance(idle_time_before_shutdown_minutes=) (azure-ai-ml)", arm: `${P}.idleTimeBeforeShutdown (PT<n>M; api-version 2023-04-01, raw; in place: updateIdleShutdownSetting)` },
  schedules: { python: "ComputeInstance(schedules=ComputeSchedules(compute_start_stop=[...])) (azure-ai-ml)", arm: `${P}.schedules.computeStartStop (api-version 2022-10-01, raw; in place: updateSchedules)` },
  setup_scripts: { python: "ComputeInstance(setup_scripts=SetupScripts(...)) (azure-ai-ml)", arm: `${P}.setupScripts.scripts (@azure/arm-machinelearning, 2022-10-01; change = replace)` },
  enable_node_public_ip: { python: "ComputeInstance(enable_node_public_ip=) (azure-ai-ml)", arm: `${P}.enableNodePublicIp (@azure/arm-machinelearning, 2022-10-01; change = replace)` },
};
