import { REATTACH_PROPERTY, resourceIdPattern } from "@computeflow/attach-kit";

/** `BatchCompute.attach_configuration(resource_group, account_name)`, or the account's ARM id. */
export interface AttachInput {
  account_name?: string;
  resource_group?: string;
  resource_id?: string;
  reattach: boolean;
}

export const attachSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    account_name: { type: "string", pattern: "^[a-z0-9]{3,24}$", description: "Name of the Azure Batch account." },
    resource_group: { type: "string", minLength: 1, description: "Resource group of the Batch account (the workspace's subscription)." },
    resource_id: { type: "string", pattern: resourceIdPattern("Microsoft.Batch", "batchAccounts"), description: "ARM id of the Batch account, instead of the two above." },
    reattach: REATTACH_PROPERTY,
  },
  oneOf: [{ required: ["account_name", "resource_group"] }, { required: ["resource_id"] }],
} as const;

/** AzureBatchStep's parameters, in the Python SDK's names. */
export const pipelineStepParameters = {
  pool_id: { type: "string", minLength: 1 },
  create_pool: { type: "boolean" },
  vm_size: { type: "string" },
  vm_image_urn: { type: "string" },
  executable: { type: "string", minLength: 1 },
  arguments: { type: "array", items: { type: "string" } },
  source_directory: { type: "string" },
  target_compute_nodes: { type: "integer", minimum: 1 },
  delete_batch_job_after_finish: { type: "boolean" },
  delete_batch_pool_after_finish: { type: "boolean" },
  is_positive_exit_code_failure: { type: "boolean" },
  run_task_as_admin: { type: "boolean" },
  allow_reuse: { type: "boolean" },
};
