import type { JsonSchema } from "@computeflow/core";

const text = { type: "string", minLength: 1 };
const cidr = { type: "string", pattern: "^([0-9]{1,3}\\.){3}[0-9]{1,3}(\\/([0-9]|[1-2][0-9]|3[0-2]))?$" };

const clusterPurpose = {
  enum: ["DevTest", "FastProd"],
  description: "DevTest: one node is enough, no SLA. FastProd (default): production QoS, needs at least 12 vCPUs in the cluster.",
};
const loadBalancerType = { enum: ["PublicIp", "InternalLoadBalancer"], description: "Load balancer of the cluster (default PublicIp)." };
const loadBalancerSubnet = { ...text, description: "Subnet of the internal load balancer (InternalLoadBalancer only; default aks-subnet)." };

/** TLS for scoring endpoints: a certificate of your own (cname + cert + key) or a Microsoft one (leaf_domain_label). */
const tls = {
  ssl_cname: { ...text, description: "CNAME of your certificate; needs the cert and the key too." },
  ssl_cert_pem_file: { ...text, description: "PEM file with the certificate (relative to the workflow)." },
  ssl_key_pem_file: { ...text, description: "PEM file with the private key (relative to the workflow)." },
  ssl_cert: { ...text, description: "The certificate as PEM text (secret: `${{ secrets.X }}` only)." },
  ssl_key: { ...text, description: "The private key as PEM text (secret: `${{ secrets.X }}` only)." },
  leaf_domain_label: { ...text, description: "Use a Microsoft certificate for <label>.<region>.cloudapp.azure.com instead of your own." },
  overwrite_existing_domain: { type: "boolean", default: false, description: "Overwrite an existing leaf domain label." },
};

/** `with` of `action: provision`: AksCompute.provisioning_configuration, same names. */
export const provisionSchema: JsonSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    agent_count: { type: "integer", minimum: 1, default: 3, description: "Number of agent VMs hosting containers." },
    vm_size: { ...text, default: "Standard_D3_v2", description: "Size of the agent VMs." },
    cluster_purpose: clusterPurpose,
    load_balancer_type: loadBalancerType,
    load_balancer_subnet: loadBalancerSubnet,
    location: { ...text, description: "Region of the cluster; defaults to the workspace's." },
    vnet_resourcegroup_name: { ...text, description: "Resource group of the virtual network." },
    vnet_name: { ...text, description: "Virtual network of the cluster." },
    subnet_name: { ...text, description: "Subnet in that network." },
    service_cidr: { ...cidr, description: "CIDR range for service cluster IPs; must not overlap any subnet." },
    dns_service_ip: { type: "string", pattern: "^(?:(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\\.){3}(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)$", description: "IP of the cluster's DNS service, inside service_cidr." },
    docker_bridge_cidr: { ...cidr, description: "CIDR range of the Docker bridge; must not overlap any subnet or service_cidr." },
    ...tls,
    description: { type: "string", description: "Description of the compute." },
  },
};

/** `with` of `action: attach`: AksCompute.attach_configuration, same names. */
export const attachSchema: JsonSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    resource_id: { type: "string", pattern: "^/subscriptions/[^/]+/resource[gG]roups/[^/]+/providers/Microsoft\\.ContainerService/managedClusters/[^/]+$", description: "ARM id of the AKS cluster." },
    resource_group: { ...text, description: "Resource group of the AKS cluster (with cluster_name)." },
    cluster_name: { ...text, description: "Name of the AKS cluster (with resource_group)." },
    cluster_purpose: clusterPurpose,
    load_balancer_type: loadBalancerType,
    load_balancer_subnet: loadBalancerSubnet,
    ...tls,
  },
};

/** `action: detach` / `action: delete` take no parameters: the step's name is the compute. */
export const noInputSchema: JsonSchema = { type: "object", additionalProperties: false, properties: {} };
