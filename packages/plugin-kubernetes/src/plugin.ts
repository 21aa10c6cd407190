import { definePlugin, PLUGIN_API_VERSION } from "@computeflow/core";
import { attachAction } from "./attach.js";
import { configureRunAction } from "./configure-run.js";
import { detachAction } from "./detach.js";

/**
 * `uses: kubernetes`: AKS or Arc-enabled Kubernetes attached as Azure ML v2 Kubernetes
 * compute (api-version 2022-10-01 through @azure/arm-machinelearning). v1 AKS attach
 * (`uses: aks`) is deprecated; this is its successor. Plugin API 2: each action is one unit.
 */
export const kubernetesPlugin = definePlugin({
  apiVersion: PLUGIN_API_VERSION,
  name: "kubernetes",
  description: "Attach AKS or Arc-enabled Kubernetes as Azure ML (v2) Kubernetes compute.",
  actions: { attach: attachAction, "configure-run": configureRunAction, detach: detachAction },
});
