import { defineAttachAction, detachAction, normalizeResourceId, pipelineStepAction } from "@computeflow/attach-kit";
import { definePlugin, PLUGIN_API_VERSION } from "@computeflow/core";
import { accountIdOf } from "./account-id.js";
import { attachBatch } from "./attach.js";
import { attachRequest } from "./body.js";
import { planBatchAttach } from "./plan.js";
import { attachSchema, pipelineStepParameters, type AttachInput } from "./schema.js";

/** `action: attach`, one unit: schema, the account check (plan), body, apply; destroy detaches (the account stays). */
export const attachAction = defineAttachAction<AttachInput>({
  description: "Attach an existing Batch account after checking it exists and is provisioned.",
  schema: attachSchema,
  attachedResource: (input, ctx) => normalizeResourceId(accountIdOf(input, ctx.workspace.subscriptionId)),
  body: attachRequest,
  plan: planBatchAttach,
  apply: attachBatch,
});

/** `uses: batch` (plugin API 2): attach, configure-run (AzureBatchStep settings), detach. */
export const batchPlugin = definePlugin({
  apiVersion: PLUGIN_API_VERSION,
  name: "batch",
  description: "Attach an Azure Batch account (BatchCompute) for AzureBatchStep pipeline steps.",
  actions: {
    attach: attachAction,
    "configure-run": pipelineStepAction("AzureBatchStep", pipelineStepParameters, ["pool_id", "executable"]),
    detach: detachAction,
  },
});
