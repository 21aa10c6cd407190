import type { ComputeNameRules } from "@computeflow/core";

/** Azure ML v1's rule for compute target names, attached ones included. */
export const ATTACHED_COMPUTE_NAME: ComputeNameRules = {
  minLength: 2,
  maxLength: 16,
  pattern: "^[a-zA-Z][a-zA-Z0-9-]*$",
  description: "2 to 16 characters: letters, digits and hyphens, starting with a letter",
};

export const ATTACH_OUTPUTS = {
  name: "The compute target name in the workspace.",
  id: "ARM id of the compute in the workspace.",
  resource_id: "ARM id of the attached resource.",
} as const;

export const REATTACH_PROPERTY = {
  type: "boolean",
  default: false,
  description: "Allow detaching and attaching again to change settings or move an attachment (the document's way to change TLS or other settings).",
} as const;
