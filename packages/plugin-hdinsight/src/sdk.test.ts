import { describe, expect, it } from "vitest";
import { clusterKind, hasPublicSsh } from "./sdk.js";

describe("HDInsight cluster reads", () => {
  it("finds the public SSH endpoint, and its absence", () => {
    const ssh = { name: "SSH", protocol: "TCP", location: "hdi-spark-ssh.azurehdinsight.net", port: 22 };
    const https = { name: "HTTPS", protocol: "TCP", location: "hdi-spark.azurehdinsight.net", port: 443 };
    expect(hasPublicSsh({ properties: { connectivityEndpoints: [ssh, https] } })).toBe(true);
    expect(hasPublicSsh({ properties: { connectivityEndpoints: [https] } })).toBe(false);
  });

  it("reads the cluster kind", () => {
    expect(clusterKind({ properties: { clusterDefinition: { kind: "SPARK" } } })).toBe("SPARK");
    expect(clusterKind(undefined)).toBe("unknown");
  });
});
