type Json = Record<string, unknown>;

/** One compute as `az ml compute create -f` reads it, or why a step has none. */
export type ComputeDocument = { name: string; doc: Json } | { name: string; skipped: string };

/** The `$schema` lines of azureml-examples' cli/resources/compute files. */
const SCHEMAS: Record<string, string> = {
  amlcompute: "https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json",
  computeinstance: "https://azuremlschemas.azureedge.net/latest/computeInstance.schema.json",
  virtualmachine: "https://azuremlschemas.azureedge.net/latest/vmCompute.schema.json",
};

const snake = (s: string) => s.replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase();

/** Drops undefined values and empty objects, so a document names only what the step set. */
function compact(value: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      const inner = compact(v as Json);
      if (Object.keys(inner).length > 0) out[k] = inner;
    } else out[k] = v;
  }
  return out;
}

function subnet(w: Json, subscription: string): string | undefined {
  if (w.subnet_name === undefined) return undefined;
  if (w.vnet_resourcegroup_name === undefined) return String(w.subnet_name);
  return `/subscriptions/${subscription}/resourceGroups/${String(w.vnet_resourcegroup_name)}/providers/Microsoft.Network/virtualNetworks/${String(w.vnet_name)}/subnets/${String(w.subnet_name)}`;
}

function identity(type: unknown, ids: unknown): Json | undefined {
  if (typeof type !== "string") return undefined;
  const list = Array.isArray(ids) ? ids.map((id) => ({ resource_id: String(id) })) : undefined;
  return { type: snake(type), user_assigned_identities: list };
}

function cluster(w: Json, subscription: string): Json {
  const access = w.remote_login_port_public_access;
  return {
    size: w.vm_size,
    tier: w.vm_priority === "lowpriority" ? "low_priority" : w.vm_priority,
    min_instances: w.min_nodes,
    max_instances: w.max_nodes,
    idle_time_before_scale_down: w.idle_seconds_before_scaledown,
    location: w.location,
    identity: identity(w.identity_type, w.identity_id),
    network_settings: { vnet_name: w.vnet_name, subnet: subnet(w, subscription) },
    ssh_public_access_enabled: access === "Enabled" ? true : access === "Disabled" ? false : undefined,
    ssh_settings: { admin_username: w.admin_username, ssh_key_value: w.admin_user_ssh_key },
    enable_node_public_ip: w.enable_node_public_ip,
  };
}

function instance(w: Json, subscription: string): Json {
  return {
    size: w.vm_size,
    network_settings: { vnet_name: w.vnet_name, subnet: subnet(w, subscription) },
    create_on_behalf_of: { user_object_id: w.assigned_user_object_id, user_tenant_id: w.assigned_user_tenant_id },
    ssh_public_access_enabled: w.ssh_public_access,
    ssh_settings: { ssh_key_value: w.admin_user_ssh_public_key },
    idle_time_before_shutdown_minutes: w.idle_time_before_shutdown_minutes,
    schedules: w.schedules,
    setup_scripts: w.setup_scripts,
    enable_node_public_ip: w.enable_node_public_ip,
  };
}

function virtualMachine(w: Json): Json {
  return { resource_id: w.resource_id, ssh_settings: { admin_username: w.username, ssh_port: w.ssh_port } };
}

function kubernetes(w: Json): Json {
  return { resource_id: w.resource_id, namespace: w.namespace ?? "default", identity: identity(w.identity_type, w.identity_id) };
}

const V1_ONLY: Record<string, string> = {
  hdinsight: "HDInsight has no v2 compute YAML (v1 only; see README: Which Azure ML)",
  batch: "Azure Batch has no v2 compute YAML (v1 pipeline steps only)",
  databricks: "Databricks has no v2 compute YAML (v1 pipeline steps only)",
  adla: "Data Lake Analytics was retired on 2024-02-29 and has no v2 compute YAML",
  aks: "a v1 AKS compute has no v2 compute YAML: attach the cluster as Kubernetes compute (uses: kubernetes)",
};

/**
 * The compute a provision/attach step declares, in azure-ai-ml's compute YAML names.
 * Secret fields are never read: passwords and keys are given to `az ml` at create time.
 */
export function computeDocument(step: { uses: string; action: string; name: string }, w: Json, subscription: string): ComputeDocument | undefined {
  if (step.action !== "provision" && step.action !== "attach") return undefined;
  const uses = step.uses.replace(/^@computeflow\/plugin-/, "");
  const build: Record<string, [string, () => Json]> = {
    amlcompute: ["amlcompute", () => cluster(w, subscription)],
    instance: ["computeinstance", () => instance(w, subscription)],
    "remote-vm": ["virtualmachine", () => virtualMachine(w)],
    kubernetes: ["kubernetes", () => kubernetes(w)],
  };
  const found = build[uses];
  if (!found) return { name: step.name, skipped: V1_ONLY[uses] ?? `${step.uses} has no az ml compute YAML` };
  const [type, body] = found;
  const schema = SCHEMAS[type];
  const fields = compact({ ...body(), description: w.description, tags: w.tags });
  return { name: step.name, doc: { ...(schema ? { $schema: schema } : {}), name: step.name, type, ...fields } };
}
