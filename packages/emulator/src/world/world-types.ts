/**
 * The world file: what exists before any request arrives. Keys are snake_case, as in
 * every YAML file of the project. Durations are in seconds and are multiplied by the
 * emulator's timeScale.
 */
export interface World {
  tenant_id?: string;
  /** Computes per page in computes list responses (nextLink paging). Default 50. */
  page_size?: number;
  durations?: Partial<Durations>;
  /** Create/attach seconds per compute type, overriding durations.create/attach (e.g. ComputeInstance: 300). */
  create_durations?: Record<string, number>;
  /** Secrets the world's resources accept, for demos (`--emulator`). */
  demo_secrets?: Record<string, string>;
  /** VM size catalogue; default: a handful of common sizes. */
  vm_sizes?: VmSizeSpec[];
  /** Creating a compute with one of these sizes fails (provisioningErrors). */
  failing_vm_sizes?: string[];
  /** Computes with these names fail to provision. */
  failing_computes?: string[];
  /**
   * Computes with these names end their create or attach in provisioningState Canceled
   * (one of ARM's terminal ProvisioningState values), as when Azure cancels the operation.
   */
  canceled_computes?: string[];
  /** Computes with these names stay in Creating forever. */
  hanging_computes?: string[];
  subscriptions: SubscriptionSpec[];
}

export interface Durations {
  create: number;
  update: number;
  attach: number;
  delete: number;
  start: number;
  stop: number;
  restart: number;
  /** Seconds for a cluster to move from one node count to the next target. */
  resize: number;
  /** Retry-After sent on LRO responses and operation status polls. */
  retry_after: number;
}

export interface VmSizeSpec {
  name: string;
  family: string;
  vcpus: number;
  gpus?: number;
  memory_gb: number;
  low_priority_capable?: boolean;
}

export interface SubscriptionSpec {
  id: string;
  /** location -> quota name (VM family, "total_dedicated", "low_priority") -> limit in vCPUs. */
  quotas?: Record<string, Record<string, number>>;
  resource_groups: ResourceGroupSpec[];
}

export interface ResourceGroupSpec {
  name: string;
  location: string;
  workspaces?: WorkspaceSpec[];
  virtual_machines?: VirtualMachineSpec[];
  hdinsight_clusters?: HdInsightSpec[];
  batch_accounts?: BatchAccountSpec[];
  databricks_workspaces?: DatabricksSpec[];
  datalake_analytics_accounts?: DataLakeAnalyticsSpec[];
  aks_clusters?: AksSpec[];
  /** Any other ARM resource by type, e.g. Microsoft.Synapse/workspaces/bigDataPools. */
  other_resources?: GenericResourceSpec[];
}

export interface WorkspaceSpec {
  name: string;
  location?: string;
}

export interface NamedResourceSpec {
  name: string;
  location?: string;
}

export interface OsSpec {
  id: string;
  version_id: string;
  pretty_name: string;
}

export interface SshHostSpec {
  username: string;
  /** Accepted password; omit to refuse password logins. */
  password?: string;
  /** Accepted OpenSSH public keys ("ssh-ed25519 AAAA..."). */
  public_keys?: string[];
  ssh_port?: number;
  os?: OsSpec;
  docker?: boolean;
}

export interface VirtualMachineSpec extends NamedResourceSpec, SshHostSpec {
  vm_size?: string;
  public_ip: string;
  fqdn?: string;
}

export interface HdInsightSpec extends NamedResourceSpec, SshHostSpec {
  kind?: string;
}

export interface BatchAccountSpec extends NamedResourceSpec {
  /** Name of the auto-storage account (same resource group). */
  auto_storage?: string;
}

export interface DatabricksSpec extends NamedResourceSpec {
  /** Personal access token the workspace accepts. */
  access_token?: string;
}

export interface DataLakeAnalyticsSpec extends NamedResourceSpec {
  default_store?: string;
}

export interface AksSpec extends NamedResourceSpec {
  agent_count?: number;
  vm_size?: string;
}

export interface GenericResourceSpec extends NamedResourceSpec {
  type: string;
  properties?: Record<string, unknown>;
}
