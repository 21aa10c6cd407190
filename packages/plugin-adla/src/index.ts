import { ATTACH_OUTPUTS, ATTACHED_COMPUTE_NAME, attachPluginPlan, DETACH_ACTION, normalizeResourceId, pipelineStepAction, pipelineStepFileFor, startDetach, writePipelineStep } from "@computeflow/attach-kit";
import { definePlugin, type StepContext } from "@computeflow/core";
import { attachAdla } from "./attach.js";
import { adlaIdOf } from "./azure.js";
import { planAdlaAttach } from "./plan.js";
import { attachSchema, pipelineStepParameters, RETIRED, type AdlaAttachWith } from "./schema.js";

export default definePlugin({
  apiVersion: 1,
  name: "adla",
  description: "Attach an Azure Data Lake Analytics account (AdlaCompute) for AdlaStep pipeline steps. The service was retired on 2024-02-29.",
  actions: {
    attach: {
      description: "Attach an existing Data Lake Analytics account after checking it exists; warns that the service is retired.",
      schema: attachSchema,
      outputs: ATTACH_OUTPUTS,
      claimsComputeName: true,
      computeName: ATTACHED_COMPUTE_NAME,
      check: () => [{ path: "", message: RETIRED, severity: "warning", code: "W_RETIRED" }],
      attachedResource: (input: AdlaAttachWith, ctx) => normalizeResourceId(adlaIdOf(ctx.workspace.subscriptionId, input.resource_group, input.account_name)),
      destroy: "detach",
    },
    "configure-run": pipelineStepAction("AdlaStep", pipelineStepParameters, ["script_name"]),
    detach: DETACH_ACTION,
  },
  plan: attachPluginPlan(planAdlaAttach, (ctx) => pipelineStepFileFor(ctx, "AdlaStep")),
  attach: attachAdla,
  configureRun: (ctx: StepContext<any>) => writePipelineStep(ctx, "AdlaStep"),
  detach: startDetach,
});
