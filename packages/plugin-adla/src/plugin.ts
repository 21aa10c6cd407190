import { defineAttachAction, detachAction, normalizeResourceId, pipelineStepAction } from "@computeflow/attach-kit";
import { definePlugin, PLUGIN_API_VERSION } from "@computeflow/core";
import { attachAdla } from "./attach.js";
import { adlaIdOf, attachRequest } from "./body.js";
import { planAdlaAttach } from "./plan.js";
import { attachSchema, pipelineStepParameters, RETIRED, type AttachInput } from "./schema.js";

/**
 * `action: attach`, one unit: schema, the retired-service warning, the account check (plan),
 * body, apply; destroy detaches. The body carries the default store the plan read (planBeforeBody).
 */
export const attachAction = defineAttachAction<AttachInput>({
  description: "Attach an existing Data Lake Analytics account after checking it exists; warns that the service is retired.",
  schema: attachSchema,
  check: () => [{ path: "", message: RETIRED, severity: "warning", code: "W_RETIRED" }],
  attachedResource: (input, ctx) => normalizeResourceId(adlaIdOf(ctx.workspace.subscriptionId, input.resource_group, input.account_name)),
  body: attachRequest,
  planBeforeBody: true,
  plan: planAdlaAttach,
  apply: attachAdla,
});

/** `uses: adla` (plugin API 2): attach, configure-run (AdlaStep settings), detach. */
export const adlaPlugin = definePlugin({
  apiVersion: PLUGIN_API_VERSION,
  name: "adla",
  description: "Attach an Azure Data Lake Analytics account (AdlaCompute) for AdlaStep pipeline steps. The service was retired on 2024-02-29.",
  actions: {
    attach: attachAction,
    "configure-run": pipelineStepAction("AdlaStep", pipelineStepParameters, ["script_name"]),
    detach: detachAction,
  },
});
