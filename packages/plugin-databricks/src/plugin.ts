import { defineAttachAction, detachAction, normalizeResourceId, pipelineStepAction } from "@computeflow/attach-kit";
import { definePlugin, PLUGIN_API_VERSION } from "@computeflow/core";
import { attachDatabricks } from "./attach.js";
import { attachRequest, databricksIdOf } from "./body.js";
import { planDatabricksAttach } from "./plan.js";
import { attachSchema, pipelineStepParameters, type AttachInput } from "./schema.js";

/**
 * `action: attach`, one unit: schema, the workspace check (plan), body, apply; destroy
 * detaches. The body carries the workspace URL the plan read (planBeforeBody).
 */
export const attachAction = defineAttachAction<AttachInput>({
  description: "Attach an existing Databricks workspace of the same subscription, with an access token from secrets.",
  schema: attachSchema,
  secretFields: ["access_token"],
  attachedResource: (input, ctx) => normalizeResourceId(databricksIdOf(ctx.workspace.subscriptionId, input.resource_group, input.workspace_name)),
  body: attachRequest,
  planBeforeBody: true,
  plan: planDatabricksAttach,
  apply: attachDatabricks,
});

/** `uses: databricks` (plugin API 2): attach, configure-run (DatabricksStep settings), detach. */
export const databricksPlugin = definePlugin({
  apiVersion: PLUGIN_API_VERSION,
  name: "databricks",
  description: "Attach an Azure Databricks workspace (DatabricksCompute) for DatabricksStep pipeline steps.",
  actions: {
    attach: attachAction,
    "configure-run": pipelineStepAction("DatabricksStep", pipelineStepParameters, ["run_name"]),
    detach: detachAction,
  },
});
