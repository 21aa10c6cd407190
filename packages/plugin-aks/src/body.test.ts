import { describe, expect, it } from "vitest";
import { attachBody, clusterResourceId, parseClusterId, provisionBody } from "./body.js";
import { applyDefaults } from "@computeflow/core/testing";
import type { AttachInput, ProvisionInput } from "./input.js";
import { attachSchema, provisionSchema } from "./schema.js";

/** `with` as core hands it to the hooks: the schema's defaults applied. */
const p = (w: Record<string, unknown>) => applyDefaults<ProvisionInput>(provisionSchema, w);
const a = (w: Record<string, unknown>) => applyDefaults<AttachInput>(attachSchema, w);

const ws = { subscriptionId: "sub", resourceGroup: "ml-rg", name: "ml-ws" };

describe("provisionBody", () => {
  it("sends the SDK's defaults and nothing unset", () => {
    expect(provisionBody(p({}), ws, "westeurope", undefined)).toEqual({
      location: "westeurope",
      properties: { computeType: "AKS", properties: { agentCount: 3, agentVmSize: "Standard_D3_v2", clusterPurpose: "FastProd" } },
    });
  });
  it("maps the Python SDK names to the ARM shape, the subnet as an id", () => {
    const body = provisionBody(p({
      agent_count: 1, vm_size: "Standard_D2_v2", cluster_purpose: "DevTest", location: "eastus",
      load_balancer_type: "InternalLoadBalancer", load_balancer_subnet: "lb-subnet",
      vnet_resourcegroup_name: "net-rg", vnet_name: "vnet", subnet_name: "aks", service_cidr: "10.0.0.0/16", dns_service_ip: "10.0.0.10", docker_bridge_cidr: "172.17.0.1/16",
    }), ws, "westeurope", { status: "Auto", leafDomainLabel: "myaks", overwriteExistingDomain: false });
    expect(body.properties.computeLocation).toBe("eastus");
    expect(body.properties.properties).toEqual({
      agentCount: 1, agentVmSize: "Standard_D2_v2", clusterPurpose: "DevTest",
      loadBalancerType: "InternalLoadBalancer", loadBalancerSubnet: "lb-subnet",
      sslConfiguration: { status: "Auto", leafDomainLabel: "myaks", overwriteExistingDomain: false },
      aksNetworkingConfiguration: {
        subnetId: "/subscriptions/sub/resourceGroups/net-rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/aks",
        serviceCidr: "10.0.0.0/16", dnsServiceIP: "10.0.0.10", dockerBridgeCidr: "172.17.0.1/16",
      },
    });
  });
});

describe("attachBody", () => {
  it("builds the cluster id from resource_group and cluster_name in the workspace's subscription", () => {
    const id = clusterResourceId({ resource_group: "ml-rg", cluster_name: "aks-prod" }, ws);
    expect(id).toBe("/subscriptions/sub/resourceGroups/ml-rg/providers/Microsoft.ContainerService/managedClusters/aks-prod");
    expect(parseClusterId(id)).toEqual({ subscriptionId: "sub", resourceGroup: "ml-rg", name: "aks-prod" });
  });
  it("sends only resourceId when nothing else is set, as the Python SDK does", () => {
    expect(attachBody(a({ resource_id: "/subscriptions/s/resourceGroups/r/providers/Microsoft.ContainerService/managedClusters/c" }), ws, "westeurope", undefined)).toEqual({
      location: "westeurope",
      properties: { computeType: "AKS", resourceId: "/subscriptions/s/resourceGroups/r/providers/Microsoft.ContainerService/managedClusters/c" },
    });
  });
  it("carries purpose and TLS", () => {
    const body = attachBody(a({ resource_group: "r", cluster_name: "c", cluster_purpose: "DevTest" }), ws, "westeurope", { status: "Enabled", cname: "x", cert: "C", key: "K" });
    expect(body.properties.properties).toEqual({ clusterPurpose: "DevTest", sslConfiguration: { status: "Enabled", cname: "x", cert: "C", key: "K" } });
  });
});
