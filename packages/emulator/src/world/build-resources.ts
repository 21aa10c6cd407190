import { resourceId } from "../arm/arm-id.js";
import type { ResourceGroupSpec, SubscriptionSpec } from "./world-types.js";

export type ArmResource = Record<string, unknown> & { id: string; name: string; type: string };

function base(sub: string, rg: ResourceGroupSpec, provider: string, type: string, name: string, location?: string) {
  return {
    id: resourceId(sub, rg.name, provider, type, name),
    name,
    type: `${provider}/${type}`,
    location: location ?? rg.location,
    tags: {},
  };
}

/** The ARM resources (GET-able, attachable) a resource group of the world holds. */
export function buildResources(sub: SubscriptionSpec, rg: ResourceGroupSpec): ArmResource[] {
  const out: ArmResource[] = [];
  const s = sub.id;
  for (const vm of rg.virtual_machines ?? []) {
    const nic = base(s, rg, "Microsoft.Network", "networkInterfaces", `${vm.name}-nic`, vm.location);
    const ip = base(s, rg, "Microsoft.Network", "publicIPAddresses", `${vm.name}-ip`, vm.location);
    out.push({
      ...base(s, rg, "Microsoft.Compute", "virtualMachines", vm.name, vm.location),
      properties: {
        vmId: `vm-${vm.name}`,
        provisioningState: "Succeeded",
        hardwareProfile: { vmSize: vm.vm_size ?? "Standard_D4s_v3" },
        storageProfile: {
          osDisk: { osType: "Linux", name: `${vm.name}-osdisk` },
          imageReference: { publisher: "microsoft-dsvm", offer: "ubuntu-2004", sku: "2004-gen2" },
        },
        osProfile: {
          computerName: vm.name,
          adminUsername: vm.username,
          linuxConfiguration: { disablePasswordAuthentication: vm.password === undefined },
        },
        networkProfile: { networkInterfaces: [{ id: nic.id, properties: { primary: true } }] },
      },
    });
    out.push({
      ...nic,
      properties: {
        provisioningState: "Succeeded",
        ipConfigurations: [
          { name: "ipconfig1", properties: { privateIPAddress: "10.0.0.4", publicIPAddress: { id: ip.id } } },
        ],
      },
    });
    out.push({
      ...ip,
      properties: {
        provisioningState: "Succeeded",
        ipAddress: vm.public_ip,
        publicIPAllocationMethod: "Static",
        ...(vm.fqdn ? { dnsSettings: { fqdn: vm.fqdn, domainNameLabel: vm.fqdn.split(".")[0] } } : {}),
      },
    });
  }
  for (const hdi of rg.hdinsight_clusters ?? []) {
    out.push({
      ...base(s, rg, "Microsoft.HDInsight", "clusters", hdi.name, hdi.location),
      properties: {
        clusterVersion: "4.0.3000.1",
        osType: "Linux",
        tier: "Standard",
        clusterState: "Running",
        provisioningState: "Succeeded",
        clusterDefinition: { kind: hdi.kind ?? "SPARK" },
        connectivityEndpoints: [
          { name: "SSH", protocol: "TCP", location: `${hdi.name}-ssh.azurehdinsight.net`, port: hdi.ssh_port ?? 22 },
          { name: "HTTPS", protocol: "TCP", location: `${hdi.name}.azurehdinsight.net`, port: 443 },
        ],
      },
    });
  }
  for (const b of rg.batch_accounts ?? []) {
    const location = b.location ?? rg.location;
    out.push({
      ...base(s, rg, "Microsoft.Batch", "batchAccounts", b.name, location),
      identity: { type: "None" },
      properties: {
        accountEndpoint: `${b.name}.${location}.batch.azure.com`,
        provisioningState: "Succeeded",
        poolAllocationMode: "BatchService",
        dedicatedCoreQuota: 20,
        lowPriorityCoreQuota: 20,
        poolQuota: 20,
        activeJobAndJobScheduleQuota: 20,
        publicNetworkAccess: "Enabled",
        ...(b.auto_storage
          ? { autoStorage: { storageAccountId: resourceId(s, rg.name, "Microsoft.Storage", "storageAccounts", b.auto_storage), lastKeySync: "2021-01-01T00:00:00.0000000Z" } }
          : {}),
      },
    });
  }
  for (const d of rg.databricks_workspaces ?? []) {
    out.push({
      ...base(s, rg, "Microsoft.Databricks", "workspaces", d.name, d.location),
      sku: { name: "premium" },
      properties: {
        managedResourceGroupId: `/subscriptions/${s}/resourceGroups/databricks-rg-${d.name}`,
        provisioningState: "Succeeded",
        workspaceId: "1234567890123456",
        workspaceUrl: `adb-1234567890123456.7.azuredatabricks.net`,
      },
    });
  }
  for (const a of rg.datalake_analytics_accounts ?? []) {
    const store = a.default_store ?? `${a.name}store`;
    out.push({
      ...base(s, rg, "Microsoft.DataLakeAnalytics", "accounts", a.name, a.location),
      properties: {
        accountId: "00000000-0000-0000-0000-0000000000ad",
        provisioningState: "Succeeded",
        state: "Active",
        creationTime: "2021-01-01T00:00:00.0000000Z",
        lastModifiedTime: "2021-01-01T00:00:00.0000000Z",
        endpoint: `${a.name}.azuredatalakeanalytics.net`,
        defaultDataLakeStoreAccount: store,
        dataLakeStoreAccounts: [{ id: `${store}-id`, name: store, type: "Microsoft.DataLakeAnalytics/accounts/dataLakeStoreAccounts", properties: { suffix: "azuredatalakestore.net" } }],
        storageAccounts: [],
        computePolicies: [],
        firewallRules: [],
        firewallState: "Disabled",
        firewallAllowAzureIps: "Disabled",
        newTier: "Consumption",
        currentTier: "Consumption",
        maxJobCount: 20,
        systemMaxJobCount: 20,
        maxDegreeOfParallelism: 30,
        systemMaxDegreeOfParallelism: 250,
        maxDegreeOfParallelismPerJob: 32,
        minPriorityPerJob: 1,
        queryStoreRetention: 30,
      },
    });
  }
  for (const k of rg.aks_clusters ?? []) {
    out.push({
      ...base(s, rg, "Microsoft.ContainerService", "managedClusters", k.name, k.location),
      properties: {
        provisioningState: "Succeeded",
        kubernetesVersion: "1.27.7",
        fqdn: `${k.name}-dns.hcp.${k.location ?? rg.location}.azmk8s.io`,
        agentPoolProfiles: [{ name: "agentpool", count: k.agent_count ?? 3, vmSize: k.vm_size ?? "Standard_D3_v2" }],
      },
    });
  }
  for (const g of rg.other_resources ?? []) {
    const [provider, ...types] = g.type.split("/");
    const names = g.name.split("/");
    const pairs = types.flatMap((t, i) => [t, names[i] ?? g.name]);
    out.push({
      id: resourceId(s, rg.name, provider!, ...pairs),
      name: names[names.length - 1]!,
      type: g.type,
      location: g.location ?? rg.location,
      properties: { provisioningState: "Succeeded", ...g.properties },
    });
  }
  return out;
}
