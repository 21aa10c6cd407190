import type { HdInsightSpec } from "../world-types.js";
import { base, type ArmResource, type Scope } from "./base.js";

export function hdInsightResource(scope: Scope, hdi: HdInsightSpec): ArmResource {
  const { s, rg } = scope;
  return {
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
  };
}
