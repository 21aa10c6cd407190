import type { CheckProblem } from "@computeflow/core";
import type { AttachInput, ProvisionInput, TlsInput } from "./input.js";

const VNET_FIELDS = ["vnet_name", "vnet_resourcegroup_name", "subnet_name", "service_cidr", "dns_service_ip", "docker_bridge_cidr"] as const;

function problem(path: string, message: string, hint?: string): CheckProblem {
  return hint === undefined ? { path, message } : { path, message, hint };
}

/** TLS is your certificate (cname + cert + key, as files or secrets) or a leaf domain label, never both. */
export function checkTls(input: TlsInput): CheckProblem[] {
  const problems: CheckProblem[] = [];
  if (input.ssl_cert !== undefined && input.ssl_cert_pem_file !== undefined) {
    problems.push(problem("/ssl_cert", "give the certificate once: ssl_cert or ssl_cert_pem_file, not both"));
  }
  if (input.ssl_key !== undefined && input.ssl_key_pem_file !== undefined) {
    problems.push(problem("/ssl_key", "give the key once: ssl_key or ssl_key_pem_file, not both"));
  }
  const cert = input.ssl_cert ?? input.ssl_cert_pem_file;
  const key = input.ssl_key ?? input.ssl_key_pem_file;
  const own = [input.ssl_cname, cert, key].filter((v) => v !== undefined).length;
  if (own > 0 && own < 3) {
    problems.push(problem("", "not all TLS information provided: ssl_cname, the certificate and the key go together",
      "give ssl_cname, ssl_cert_pem_file (or ssl_cert) and ssl_key_pem_file (or ssl_key)"));
  }
  if (own > 0 && input.leaf_domain_label !== undefined) {
    problems.push(problem("/leaf_domain_label", "leaf_domain_label uses a Microsoft certificate: do not combine it with ssl_cname, cert or key"));
  }
  if (input.overwrite_existing_domain === true && input.leaf_domain_label === undefined) {
    problems.push(problem("/overwrite_existing_domain", "overwrite_existing_domain applies only with leaf_domain_label"));
  }
  return problems;
}

function checkLoadBalancer(input: ProvisionInput | AttachInput): CheckProblem[] {
  if (input.load_balancer_subnet !== undefined && input.load_balancer_type !== "InternalLoadBalancer") {
    return [problem("/load_balancer_subnet", "load_balancer_subnet can be used only with load_balancer_type: InternalLoadBalancer")];
  }
  return [];
}

export function checkProvision(input: ProvisionInput): CheckProblem[] {
  const problems = [...checkTls(input), ...checkLoadBalancer(input)];
  const given = VNET_FIELDS.filter((f) => input[f] !== undefined);
  if (given.length > 0 && given.length < VNET_FIELDS.length) {
    const missing = VNET_FIELDS.filter((f) => input[f] === undefined);
    problems.push(problem("", `not all virtual network information provided: missing ${missing.join(", ")}`,
      "a custom virtual network needs vnet_name, vnet_resourcegroup_name, subnet_name, service_cidr, dns_service_ip and docker_bridge_cidr"));
  }
  return problems;
}

export function checkAttach(input: AttachInput): CheckProblem[] {
  const problems = [...checkTls(input), ...checkLoadBalancer(input)];
  if (input.resource_id !== undefined) {
    if (input.resource_group !== undefined) problems.push(problem("/resource_group", "resource_id is given: do not give resource_group too"));
    if (input.cluster_name !== undefined) problems.push(problem("/cluster_name", "resource_id is given: do not give cluster_name too"));
  } else if (input.resource_group === undefined || input.cluster_name === undefined) {
    problems.push(problem("", "say which AKS cluster to attach: resource_id, or resource_group and cluster_name",
      "resource_id: /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.ContainerService/managedClusters/<name>"));
  }
  return problems;
}
