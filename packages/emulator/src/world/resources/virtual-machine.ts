import type { VirtualMachineSpec } from "../world-types.js";
import { base, type ArmResource, type Scope } from "./base.js";

export function virtualMachineResources(scope: Scope, vm: VirtualMachineSpec): ArmResource[] {
  const { s, rg } = scope;
  const out: ArmResource[] = [];
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
  return out;
}
