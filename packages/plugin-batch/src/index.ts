import { ATTACH_OUTPUTS, ATTACHED_COMPUTE_NAME, attachPluginPlan, DETACH_ACTION, normalizeResourceId, pipelineStepAction, pipelineStepFileFor, startDetach, writePipelineStep } from "@computeflow/attach-kit";
import { definePlugin, type StepContext } from "@computeflow/core";
import { accountIdOf } from "./account-id.js";
import { attachBatch } from "./attach.js";
import { planBatchAttach } from "./plan.js";
import { attachSchema, pipelineStepParameters, type BatchAttachWith } from "./schema.js";

export default definePlugin({
  apiVersion: 1,
  name: "batch",
  description: "Attach an Azure Batch account (BatchCompute) for AzureBatchStep pipeline steps.",
  actions: {
    attach: {
      description: "Attach an existing Batch account after checking it exists and is provisioned.",
      schema: attachSchema,
      outputs: ATTACH_OUTPUTS,
      claimsComputeName: true,
      computeName: ATTACHED_COMPUTE_NAME,
      attachedResource: (input: BatchAttachWith, ctx) => normalizeResourceId(accountIdOf(input, ctx.workspace.subscriptionId)),
      destroy: "detach",
    },
    "configure-run": pipelineStepAction("AzureBatchStep", pipelineStepParameters, ["pool_id", "executable"]),
    detach: DETACH_ACTION,
  },
  plan: attachPluginPlan(planBatchAttach, (ctx) => pipelineStepFileFor(ctx, "AzureBatchStep")),
  attach: attachBatch,
  configureRun: (ctx: StepContext<any>) => writePipelineStep(ctx, "AzureBatchStep"),
  detach: startDetach,
});
