import { definePlugin, PLUGIN_API_VERSION, type PlanEntry, type StepContext } from "@computeflow/core";
import { attach, attachAction, planAttachStep } from "./attach.js";
import { detach, detachAction, planDetachStep } from "./detach.js";
import type { AttachInput } from "./schema.js";

export type { AttachInput } from "./schema.js";

/**
 * `uses: kubernetes`: AKS or Arc-enabled Kubernetes attached as Azure ML v2 Kubernetes
 * compute (api-version 2022-10-01 through @azure/arm-machinelearning). v1 AKS attach
 * (`uses: aks`) is deprecated; this is its successor for training and inference.
 */
export const kubernetesPlugin = definePlugin({
  apiVersion: PLUGIN_API_VERSION,
  name: "kubernetes",
  description: "Attach AKS or Arc-enabled Kubernetes as Azure ML (v2) Kubernetes compute.",
  actions: { attach: attachAction, detach: detachAction },
  plan: (ctx: StepContext): Promise<PlanEntry> => (ctx.step.action === "attach" ? planAttachStep(ctx as unknown as StepContext<AttachInput>) : planDetachStep(ctx)),
  attach: (ctx: StepContext) => attach(ctx as unknown as StepContext<AttachInput>),
  detach,
});

export default kubernetesPlugin;
