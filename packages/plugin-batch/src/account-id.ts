import { buildResourceId, parseResourceId, type ResourceIdParts } from "@computeflow/attach-kit";
import type { AttachInput } from "./schema.js";

/** The Batch account, as resource id parts; the Python SDK looked it up in the workspace's subscription. */
export function accountOf(input: AttachInput, subscriptionId: string): ResourceIdParts {
  if (input.resource_id !== undefined) return parseResourceId(input.resource_id)!;
  return { subscriptionId, resourceGroup: input.resource_group ?? "", provider: "Microsoft.Batch", type: "batchAccounts", name: input.account_name ?? "" };
}

export function accountIdOf(input: AttachInput, subscriptionId: string): string {
  return buildResourceId(accountOf(input, subscriptionId));
}
