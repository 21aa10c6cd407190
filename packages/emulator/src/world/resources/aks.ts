import type { AksSpec } from "../world-types.js";
import { base, type ArmResource, type Scope } from "./base.js";

export function aksResource(scope: Scope, k: AksSpec): ArmResource {
  const { s, rg } = scope;
  return {
    ...base(s, rg, "Microsoft.ContainerService", "managedClusters", k.name, k.location),
    properties: {
      provisioningState: "Succeeded",
      kubernetesVersion: "1.27.7",
      fqdn: `${k.name}-dns.hcp.${k.location ?? rg.location}.azmk8s.io`,
      agentPoolProfiles: [{ name: "agentpool", count: k.agent_count ?? 3, vmSize: k.vm_size ?? "Standard_D3_v2" }],
    },
  };
}
