import type { ComputeNameRules } from "@computeflow/core";

export const instanceNameRules: ComputeNameRules = {
  minLength: 3,
  maxLength: 24,
  pattern: "^[A-Za-z][A-Za-z0-9-]*$",
  description: "3 to 24 letters, digits and hyphens, starting with a letter; unique across the Azure region",
};

/** "-" and 8 hex digits of the workspace id. */
export const UNIQUE_SUFFIX_LENGTH = 9;

/** Deterministic per workspace, so reruns find the same instance and other workspaces' CI runs do not collide. */
export function uniqueInstanceName(base: string, workspaceId: string): string {
  const hex = workspaceId.replace(/[^0-9a-fA-F]/g, "").toLowerCase().slice(0, 8);
  return `${base}-${hex}`;
}
