import { attachPlugin, normalizeResourceId, pipelineStepParts } from "@computeflow/attach-kit";
import { attachAdla } from "./attach.js";
import { adlaIdOf } from "./azure.js";
import { planAdlaAttach } from "./plan.js";
import { attachSchema, pipelineStepParameters, RETIRED, type AdlaAttachWith } from "./schema.js";

export default attachPlugin({
  name: "adla",
  description: "Attach an Azure Data Lake Analytics account (AdlaCompute) for AdlaStep pipeline steps. The service was retired on 2024-02-29.",
  attach: {
    description: "Attach an existing Data Lake Analytics account after checking it exists; warns that the service is retired.",
    schema: attachSchema,
    check: () => [{ path: "", message: RETIRED, severity: "warning", code: "W_RETIRED" }],
    attachedResource: (input: AdlaAttachWith, ctx) => normalizeResourceId(adlaIdOf(ctx.workspace.subscriptionId, input.resource_group, input.account_name)),
  },
  planAttach: planAdlaAttach,
  attachHook: attachAdla,
  ...pipelineStepParts("AdlaStep", pipelineStepParameters, ["script_name"]),
});
