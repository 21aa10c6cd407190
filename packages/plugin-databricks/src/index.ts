import { attachPlugin, normalizeResourceId, pipelineStepParts } from "@computeflow/attach-kit";
import { attachDatabricks } from "./attach.js";
import { databricksIdOf } from "./azure.js";
import { planDatabricksAttach } from "./plan.js";
import { attachSchema, pipelineStepParameters, type DatabricksAttachWith } from "./schema.js";

export default attachPlugin({
  name: "databricks",
  description: "Attach an Azure Databricks workspace (DatabricksCompute) for DatabricksStep pipeline steps.",
  attach: {
    description: "Attach an existing Databricks workspace of the same subscription, with an access token from secrets.",
    schema: attachSchema,
    secretFields: ["access_token"],
    attachedResource: (input: DatabricksAttachWith, ctx) => normalizeResourceId(databricksIdOf(ctx.workspace.subscriptionId, input.resource_group, input.workspace_name)),
  },
  planAttach: planDatabricksAttach,
  attachHook: attachDatabricks,
  ...pipelineStepParts("DatabricksStep", pipelineStepParameters, ["run_name"]),
});
