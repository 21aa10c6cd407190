import { definePlugin } from "@computeflow/core";
import { checkLocalRun } from "./check.js";
import { configureRun, OUTPUTS, plan } from "./local-run.js";
import { configureRunSchema } from "./schema.js";

/**
 * `uses: local`: the local computer. Training there needs no compute target, so the only
 * action writes a run configuration whose target is `local`.
 */
export const localPlugin = definePlugin({
  apiVersion: 1, // plugin API 1 (loaded through core's adapter) until this plugin moves to defineAction
  name: "local",
  usesAzure: false,
  description: "The local computer: no compute target; writes a run configuration targeting `local`.",
  actions: {
    "configure-run": {
      description: "Write a run configuration for a local run (user-managed Python or Conda; Docker if installed).",
      schema: configureRunSchema,
      pathFields: ["conda_file"],
      writeFields: ["path"],
      outputs: OUTPUTS,
      check: checkLocalRun,
    },
  },
  plan,
  configureRun,
});
