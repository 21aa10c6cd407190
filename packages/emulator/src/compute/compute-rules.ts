import { fail } from "../arm/arm-error.js";

/** The compute types of api-version 2021-07-01, plus Batch as the Python SDK attached it. */
export const COMPUTE_TYPES = [
  "AmlCompute", "ComputeInstance", "VirtualMachine", "HDInsight", "Databricks",
  "DataLakeAnalytics", "AKS", "Kubernetes", "SynapseSpark", "DataFactory", "Batch",
] as const;

export type ComputeTypeName = (typeof COMPUTE_TYPES)[number];

/** Resource type each attachable compute type points at with resourceId. */
export const ATTACH_RESOURCE_TYPES: Partial<Record<ComputeTypeName, string[]>> = {
  VirtualMachine: ["microsoft.compute/virtualmachines"],
  HDInsight: ["microsoft.hdinsight/clusters"],
  Databricks: ["microsoft.databricks/workspaces"],
  DataLakeAnalytics: ["microsoft.datalakeanalytics/accounts"],
  AKS: ["microsoft.containerservice/managedclusters"],
  Kubernetes: ["microsoft.kubernetes/connectedclusters", "microsoft.containerservice/managedclusters"],
  SynapseSpark: ["microsoft.synapse/workspaces/bigdatapools"],
  DataFactory: ["microsoft.datafactory/factories"],
  Batch: ["microsoft.batch/batchaccounts"],
};

/** Types that must name an existing resource; AKS and DataFactory may be created without one. */
export const RESOURCE_ID_REQUIRED: ReadonlySet<string> = new Set([
  "VirtualMachine", "HDInsight", "Databricks", "DataLakeAnalytics", "Kubernetes", "SynapseSpark", "Batch",
]);

/** Properties (under properties.properties) that cannot change once a compute exists. */
export const IMMUTABLE_PROPERTIES: Partial<Record<ComputeTypeName, string[]>> = {
  AmlCompute: ["vmSize", "vmPriority", "osType", "subnet", "isolatedNetwork", "enableNodePublicIp", "virtualMachineImage"],
  ComputeInstance: ["vmSize", "subnet", "applicationSharingPolicy", "computeInstanceAuthorizationType", "personalComputeInstanceSettings"],
};

export const DEFAULT_VM_SIZE = "STANDARD_DS3_V2";

const CLUSTER_NAME = /^[a-zA-Z][a-zA-Z0-9-]{1,15}$/;
const INSTANCE_NAME = /^[a-zA-Z][a-zA-Z0-9-]{2,23}$/;

export function checkComputeName(name: string, type: string): void {
  if (type === "ComputeInstance") {
    if (!INSTANCE_NAME.test(name) || name.endsWith("-")) {
      fail(400, "ValidationError",
        `Compute instance name '${name}' is invalid. It must be 3 to 24 characters long, start with a letter, ` +
        "contain only letters, digits and hyphens, and be unique across all existing compute instances in the Azure region.",
        "computeName");
    }
    return;
  }
  if (!CLUSTER_NAME.test(name) || name.endsWith("-")) {
    fail(400, "ValidationError",
      `Compute name '${name}' is invalid. It must be 2 to 16 characters long, start with a letter, ` +
      "and contain only letters, digits and hyphens.",
      "computeName");
  }
}

export function checkComputeType(type: unknown): asserts type is ComputeTypeName {
  if (typeof type !== "string" || !(COMPUTE_TYPES as readonly string[]).includes(type)) {
    fail(400, "InvalidComputeType",
      `Compute type '${String(type)}' is not supported. Supported types: ${COMPUTE_TYPES.join(", ")}.`,
      "properties.computeType");
  }
}
