import { definePlugin, PLUGIN_API_VERSION } from "@computeflow/core";

/**
 * `uses: aci`. Azure Container Instances are created on the fly when a model is deployed;
 * they cannot be created or attached to a workspace any other way, so core rejects every
 * step that uses this plugin at validation time.
 */
const plugin = definePlugin({
  apiVersion: PLUGIN_API_VERSION,
  name: "aci",
  description: "Azure Container Instances (deployment only; not a training compute target).",
  actions: {},
  unsupported: {
    reason:
      "Azure Container Instances (ACI) are created dynamically when you deploy a model; " +
      "an ACI cannot be created or attached to the workspace any other way, so it is not a compute target a workflow can manage",
    hint:
      "deploy the model to ACI with Azure ML's model deployment; for training use `uses: amlcompute`, `uses: instance` or `uses: local`",
  },
});

export default plugin;
