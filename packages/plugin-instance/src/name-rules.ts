import { createHash } from "node:crypto";
import type { ComputeNameRules, WorkspaceRef } from "@computeflow/core";

/** Azure's minimum; checked in check.ts, since with unique_name it applies to the name after the suffix. */
export const INSTANCE_NAME_MIN_LENGTH = 3;

export const instanceNameRules: ComputeNameRules = {
  minLength: 1,
  maxLength: 24,
  pattern: "^[A-Za-z][A-Za-z0-9-]*$",
  description: "3 to 24 letters, digits and hyphens, starting with a letter; unique across the Azure region",
};

/** "-" and 8 hex digits of the workspace id. */
export const UNIQUE_SUFFIX_LENGTH = 9;

/**
 * Deterministic per workspace, so reruns find the same instance and other workspaces' CI
 * runs do not collide. The document takes the workspace id's first characters; hashing it
 * with the ARM id keeps the suffix distinct even when ids share a prefix.
 */
export function uniqueInstanceName(base: string, workspaceId: string, workspaceArmId: string): string {
  const hex = createHash("sha256").update(`${workspaceId}|${workspaceArmId.toLowerCase()}`).digest("hex").slice(0, 8);
  return `${base}-${hex}`;
}

/** The workspace's ARM id, as Azure spells it up to case (uniqueInstanceName lower-cases it). */
export function workspaceArmId(workspace: WorkspaceRef): string {
  return `/subscriptions/${workspace.subscriptionId}/resourceGroups/${workspace.resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/${workspace.name}`;
}
