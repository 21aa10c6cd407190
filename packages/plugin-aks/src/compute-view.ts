import type { Outputs } from "@computeflow/core";
import type { SslConfiguration } from "./ssl.js";

/** What the plugin reads of a compute resource, whatever client returned it. */
export interface AksView {
  computeType: string | undefined;
  provisioningState: string | undefined;
  isAttached: boolean;
  id: string | null;
  resourceId: string | null;
  location: string | null;
  agentCount: number | undefined;
  vmSize: string | undefined;
  clusterPurpose: string | undefined;
  loadBalancerType: string | undefined;
  loadBalancerSubnet: string | undefined;
  clusterFqdn: string | null;
  ssl: Partial<SslConfiguration> | undefined;
  errors: { code: string; message: string }[];
}

type Loose = Record<string, unknown> | undefined;

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function viewOf(resource: unknown): AksView {
  const r = resource as Loose;
  const p = r?.properties as Loose;
  const aks = p?.properties as Loose;
  const errors = Array.isArray(p?.provisioningErrors) ? (p.provisioningErrors as { error?: { code?: string; message?: string } }[]) : [];
  return {
    computeType: str(p?.computeType),
    provisioningState: str(p?.provisioningState),
    isAttached: p?.isAttachedCompute === true,
    id: str(r?.id) ?? null,
    resourceId: str(p?.resourceId) ?? null,
    location: str(p?.computeLocation) ?? str(r?.location) ?? null,
    agentCount: typeof aks?.agentCount === "number" ? aks.agentCount : undefined,
    vmSize: str(aks?.agentVmSize),
    clusterPurpose: str(aks?.clusterPurpose),
    loadBalancerType: str(aks?.loadBalancerType),
    loadBalancerSubnet: str(aks?.loadBalancerSubnet),
    clusterFqdn: str(aks?.clusterFqdn) ?? null,
    ssl: aks?.sslConfiguration as Partial<SslConfiguration> | undefined,
    errors: errors.map((e) => ({ code: e.error?.code ?? "ProvisioningFailed", message: e.error?.message ?? "" })),
  };
}

/** Every output `provision` and `attach` declare, always all of them (null when Azure has no value). */
export const COMPUTE_OUTPUTS = {
  name: "Compute name in the workspace.",
  id: "ARM id of the compute.",
  resource_id: "ARM id of the AKS cluster.",
  cluster_fqdn: "Fully qualified domain name of the cluster (null until Azure reports one).",
  cluster_purpose: "DevTest or FastProd.",
  provisioning_state: "Provisioning state when the step finished.",
} as const;

export function computeOutputs(name: string, view: AksView): Outputs {
  return {
    name,
    id: view.id,
    resource_id: view.resourceId,
    cluster_fqdn: view.clusterFqdn,
    cluster_purpose: view.clusterPurpose ?? null,
    provisioning_state: view.provisioningState ?? null,
  };
}
