import { ATTACH_OUTPUTS, ATTACHED_COMPUTE_NAME, attachPluginPlan, DETACH_ACTION, normalizeResourceId, pipelineStepAction, pipelineStepFileFor, startDetach, writePipelineStep } from "@computeflow/attach-kit";
import { definePlugin, type StepContext } from "@computeflow/core";
import { attachDatabricks } from "./attach.js";
import { databricksIdOf } from "./azure.js";
import { planDatabricksAttach } from "./plan.js";
import { attachSchema, pipelineStepParameters, type DatabricksAttachWith } from "./schema.js";

export default definePlugin({
  apiVersion: 1,
  name: "databricks",
  description: "Attach an Azure Databricks workspace (DatabricksCompute) for DatabricksStep pipeline steps.",
  actions: {
    attach: {
      description: "Attach an existing Databricks workspace of the same subscription, with an access token from secrets.",
      schema: attachSchema,
      outputs: ATTACH_OUTPUTS,
      secretFields: ["access_token"],
      claimsComputeName: true,
      computeName: ATTACHED_COMPUTE_NAME,
      attachedResource: (input: DatabricksAttachWith, ctx) => normalizeResourceId(databricksIdOf(ctx.workspace.subscriptionId, input.resource_group, input.workspace_name)),
      destroy: "detach",
    },
    "configure-run": pipelineStepAction("DatabricksStep", pipelineStepParameters, ["run_name"]),
    detach: DETACH_ACTION,
  },
  plan: attachPluginPlan(planDatabricksAttach, (ctx) => pipelineStepFileFor(ctx, "DatabricksStep")),
  attach: attachDatabricks,
  configureRun: (ctx: StepContext<any>) => writePipelineStep(ctx, "DatabricksStep"),
  detach: startDetach,
});
