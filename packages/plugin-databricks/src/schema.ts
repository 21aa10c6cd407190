import { REATTACH_PROPERTY } from "@computeflow/attach-kit";

/** `DatabricksCompute.attach_configuration(resource_group, workspace_name, access_token)`. */
export interface AttachInput {
  resource_group: string;
  workspace_name: string;
  access_token: string;
  reattach: boolean;
}

export const attachSchema = {
  type: "object",
  additionalProperties: false,
  required: ["resource_group", "workspace_name", "access_token"],
  properties: {
    resource_group: { type: "string", minLength: 1, description: "Resource group of the Databricks workspace (in the Azure ML workspace's subscription)." },
    workspace_name: { type: "string", minLength: 1, description: "Name of the Azure Databricks workspace." },
    access_token: { type: "string", minLength: 1, description: "Databricks personal access token (secret: `${{ secrets.X }}` only)." },
    reattach: REATTACH_PROPERTY,
  },
} as const;

/** DatabricksStep's parameters, in the Python SDK's names. */
export const pipelineStepParameters = {
  run_name: { type: "string", minLength: 1 },
  python_script_name: { type: "string" },
  notebook_path: { type: "string" },
  main_class_name: { type: "string" },
  source_directory: { type: "string" },
  existing_cluster_id: { type: "string" },
  spark_version: { type: "string" },
  node_type: { type: "string" },
  num_workers: { type: "integer", minimum: 0 },
  min_workers: { type: "integer", minimum: 0 },
  max_workers: { type: "integer", minimum: 1 },
  python_script_params: { type: "array", items: { type: "string" } },
  allow_reuse: { type: "boolean" },
};
