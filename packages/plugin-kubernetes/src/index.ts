import { definePlugin, type PlanEntry, type StepContext } from "@computeflow/core";
import { attach, attachAction, planAttachStep } from "./attach.js";
import { configureRun, configureRunAction, planConfigureRun } from "./configure-run.js";
import { detach, detachAction, planDetachStep } from "./detach.js";
import type { RunConfigWith } from "@computeflow/runconfig";
import type { AttachInput } from "./schema.js";

export type { AttachInput } from "./schema.js";

/**
 * `uses: kubernetes`: AKS or Arc-enabled Kubernetes attached as Azure ML v2 Kubernetes
 * compute (api-version 2022-10-01 through @azure/arm-machinelearning). v1 AKS attach
 * (`uses: aks`) is deprecated; this is its successor for training and inference.
 */
export const kubernetesPlugin = definePlugin({
  apiVersion: 1, // plugin API 1 (loaded through core's adapter) until this plugin moves to defineAction
  name: "kubernetes",
  description: "Attach AKS or Arc-enabled Kubernetes as Azure ML (v2) Kubernetes compute.",
  actions: { attach: attachAction, "configure-run": configureRunAction, detach: detachAction },
  plan: (ctx: StepContext): Promise<PlanEntry> => {
    if (ctx.step.action === "attach") return planAttachStep(ctx as unknown as StepContext<AttachInput>);
    if (ctx.step.action === "configure-run") return planConfigureRun(ctx as unknown as StepContext<RunConfigWith>);
    return planDetachStep(ctx);
  },
  configureRun: (ctx: StepContext) => configureRun(ctx as unknown as StepContext<RunConfigWith>),
  attach: (ctx: StepContext) => attach(ctx as unknown as StepContext<AttachInput>),
  detach,
});

export default kubernetesPlugin;
