import type { ComputeNameRules } from "@computeflow/core";

export const clusterNameRules: ComputeNameRules = {
  minLength: 2,
  maxLength: 16,
  pattern: "^[A-Za-z][A-Za-z0-9-]*$",
  description: "2 to 16 letters, digits and hyphens, starting with a letter",
};
