/** TLS fields shared by provision and attach (see schema.ts). */
export interface TlsInput {
  ssl_cname?: string;
  ssl_cert_pem_file?: string;
  ssl_key_pem_file?: string;
  ssl_cert?: string;
  ssl_key?: string;
  leaf_domain_label?: string;
  overwrite_existing_domain: boolean;
}

export type ClusterPurpose = "DevTest" | "FastProd";
export type LoadBalancerType = "PublicIp" | "InternalLoadBalancer";

export interface ProvisionInput extends TlsInput {
  agent_count: number;
  vm_size: string;
  cluster_purpose?: ClusterPurpose;
  load_balancer_type?: LoadBalancerType;
  load_balancer_subnet?: string;
  location?: string;
  vnet_resourcegroup_name?: string;
  vnet_name?: string;
  subnet_name?: string;
  service_cidr?: string;
  dns_service_ip?: string;
  docker_bridge_cidr?: string;
  description?: string;
}

export interface AttachInput extends TlsInput {
  resource_id?: string;
  resource_group?: string;
  cluster_name?: string;
  cluster_purpose?: ClusterPurpose;
  load_balancer_type?: LoadBalancerType;
  load_balancer_subnet?: string;
}
