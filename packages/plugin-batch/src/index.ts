import { attachPlugin, normalizeResourceId, pipelineStepParts } from "@computeflow/attach-kit";
import { accountIdOf } from "./account-id.js";
import { attachBatch } from "./attach.js";
import { planBatchAttach } from "./plan.js";
import { attachSchema, pipelineStepParameters, type BatchAttachWith } from "./schema.js";

export default attachPlugin({
  name: "batch",
  description: "Attach an Azure Batch account (BatchCompute) for AzureBatchStep pipeline steps.",
  attach: {
    description: "Attach an existing Batch account after checking it exists and is provisioned.",
    schema: attachSchema,
    attachedResource: (input: BatchAttachWith, ctx) => normalizeResourceId(accountIdOf(input, ctx.workspace.subscriptionId)),
  },
  planAttach: planBatchAttach,
  attachHook: attachBatch,
  ...pipelineStepParts("AzureBatchStep", pipelineStepParameters, ["pool_id", "executable"]),
});
