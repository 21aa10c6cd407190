import { REATTACH_PROPERTY } from "@computeflow/attach-kit";

/** `AdlaCompute.attach_configuration(resource_group, account_name)`. */
export interface AttachInput {
  resource_group: string;
  account_name: string;
  reattach: boolean;
}

export const attachSchema = {
  type: "object",
  additionalProperties: false,
  required: ["resource_group", "account_name"],
  properties: {
    resource_group: { type: "string", minLength: 1, description: "Resource group of the Data Lake Analytics account (the workspace's subscription)." },
    account_name: { type: "string", pattern: "^[a-z0-9]{3,24}$", description: "Name of the Data Lake Analytics account." },
    reattach: REATTACH_PROPERTY,
  },
} as const;

/** AdlaStep's parameters, in the Python SDK's names. */
export const pipelineStepParameters = {
  script_name: { type: "string", minLength: 1 },
  source_directory: { type: "string" },
  degree_of_parallelism: { type: "integer", minimum: 1 },
  priority: { type: "integer", minimum: 1 },
  runtime_version: { type: "string" },
  params: { type: "object", additionalProperties: { type: "string" } },
  allow_reuse: { type: "boolean" },
};

export const RETIRED = "Azure Data Lake Analytics was retired on 2024-02-29: attaching still works against the API, but the service no longer runs jobs; plan a move (e.g. to Synapse or Databricks)";
