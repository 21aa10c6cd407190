import type { JsonSchema } from "@computeflow/core";

/** AKS or Arc-enabled Kubernetes: the two kinds of cluster Azure ML attaches as Kubernetes compute. */
export const CLUSTER_ID_PATTERN = "^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/(Microsoft\\.ContainerService/managedClusters|Microsoft\\.Kubernetes/connectedClusters)/[^/]+$";

/** `with` of `action: attach`, in azure-ai-ml's KubernetesCompute names. */
export const attachSchema: JsonSchema = {
  type: "object",
  additionalProperties: false,
  required: ["resource_id"],
  properties: {
    resource_id: {
      type: "string",
      pattern: CLUSTER_ID_PATTERN,
      description: "ARM id of the cluster: .../Microsoft.ContainerService/managedClusters/<aks> or .../Microsoft.Kubernetes/connectedClusters/<arc>. The Azure ML extension must be installed on it.",
    },
    namespace: { type: "string", pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", maxLength: 63, default: "default", description: "Kubernetes namespace jobs run in." },
    identity_type: { enum: ["SystemAssigned", "UserAssigned"], description: "Managed identity of the compute." },
    identity_id: { type: "array", items: { type: "string", minLength: 1 }, minItems: 1, uniqueItems: true, description: "User-assigned identity resource ids (UserAssigned only)." },
    description: { type: "string", description: "Description of the compute." },
  },
};

export const noInputSchema: JsonSchema = { type: "object", additionalProperties: false, properties: {} };
