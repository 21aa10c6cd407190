import { computePath, ML_API_VERSION } from "@computeflow/compute-kit";
import type { ArmRequest, BodyContext, WorkspaceRef } from "@computeflow/core";
import type { AttachInput, ProvisionInput } from "./input.js";
import { sslConfiguration, type SslConfiguration } from "./ssl.js";

/** The compute resource body of a PUT (api-version 2021-07-01, computeType AKS). */
export interface AksComputeBody {
  location: string;
  properties: {
    computeType: "AKS";
    computeLocation?: string;
    description?: string;
    resourceId?: string;
    properties?: Record<string, unknown>;
  };
}

const AKS_ID = /^\/subscriptions\/([^/]+)\/resource[gG]roups\/([^/]+)\/providers\/Microsoft\.ContainerService\/managedClusters\/([^/]+)$/;

/** The AKS cluster an attach step points at, as Azure spells the id. */
export function clusterResourceId(input: Pick<AttachInput, "resource_id" | "resource_group" | "cluster_name">, workspace: WorkspaceRef): string {
  if (input.resource_id !== undefined) return input.resource_id;
  return `/subscriptions/${workspace.subscriptionId}/resourceGroups/${input.resource_group}/providers/Microsoft.ContainerService/managedClusters/${input.cluster_name}`;
}

export function parseClusterId(id: string): { subscriptionId: string; resourceGroup: string; name: string } | undefined {
  const m = AKS_ID.exec(id);
  return m ? { subscriptionId: m[1]!, resourceGroup: m[2]!, name: m[3]! } : undefined;
}

function compact(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}

export function provisionBody(input: ProvisionInput, workspace: WorkspaceRef, location: string, ssl: SslConfiguration | undefined): AksComputeBody {
  const network = input.vnet_name === undefined ? undefined : {
    subnetId: `/subscriptions/${workspace.subscriptionId}/resourceGroups/${input.vnet_resourcegroup_name}/providers/Microsoft.Network/virtualNetworks/${input.vnet_name}/subnets/${input.subnet_name}`,
    serviceCidr: input.service_cidr,
    dnsServiceIP: input.dns_service_ip,
    dockerBridgeCidr: input.docker_bridge_cidr,
  };
  return {
    location,
    properties: {
      computeType: "AKS",
      ...compact({ computeLocation: input.location, description: input.description }),
      properties: compact({
        agentCount: input.agent_count,
        agentVmSize: input.vm_size,
        clusterPurpose: input.cluster_purpose ?? "FastProd",
        loadBalancerType: input.load_balancer_type,
        loadBalancerSubnet: input.load_balancer_subnet,
        sslConfiguration: ssl,
        aksNetworkingConfiguration: network,
      }),
    },
  };
}

export function attachBody(input: AttachInput, workspace: WorkspaceRef, location: string, ssl: SslConfiguration | undefined): AksComputeBody {
  const properties = compact({
    clusterPurpose: input.cluster_purpose,
    loadBalancerType: input.load_balancer_type,
    loadBalancerSubnet: input.load_balancer_subnet,
    sslConfiguration: ssl,
  });
  return {
    location,
    properties: {
      computeType: "AKS",
      resourceId: clusterResourceId(input, workspace),
      ...(Object.keys(properties).length > 0 ? { properties } : {}),
    },
  };
}

/** `action: provision`'s body: the PUT that creates (or updates) the cluster's compute, TLS files' text from `ctx.files`. */
export function provisionRequest(input: ProvisionInput, ctx: BodyContext): ArmRequest {
  const body = provisionBody(input, ctx.workspace, ctx.location, sslConfiguration(input, ctx.files));
  return { method: "PUT", path: computePath(ctx.workspace, ctx.computeName), apiVersion: ML_API_VERSION, body };
}

/** `action: attach`'s body: the PUT that attaches the cluster, TLS files' text from `ctx.files`. */
export function attachRequest(input: AttachInput, ctx: BodyContext): ArmRequest {
  const body = attachBody(input, ctx.workspace, ctx.location, sslConfiguration(input, ctx.files));
  return { method: "PUT", path: computePath(ctx.workspace, ctx.computeName), apiVersion: ML_API_VERSION, body };
}
