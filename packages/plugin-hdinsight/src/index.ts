import { ATTACH_OUTPUTS, ATTACHED_COMPUTE_NAME, checkSshCredentials, DETACH_ACTION, normalizeResourceId, planDetach, SSH_SECRET_FIELDS, startDetach } from "@computeflow/attach-kit";
import { definePlugin, type PlanEntry, type StepContext } from "@computeflow/core";
import { checkRunConfigWith, runConfigWithSchema, type RunConfigWith } from "@computeflow/runconfig";
import { attachHdi } from "./attach.js";
import { configureHdiRun, HDINSIGHT } from "./configure-run.js";
import { planHdiAttach } from "./plan.js";
import { attachSchema, type HdInsightAttachWith } from "./schema.js";

export default definePlugin({
  apiVersion: 1,
  name: "hdinsight",
  description: "Attach an HDInsight Spark cluster (HDInsightCompute) and write its PySpark run configuration.",
  actions: {
    attach: {
      description: "Attach an existing HDInsight Spark cluster over SSH, after checking it exists, is Spark, and accepts the credentials.",
      schema: attachSchema,
      outputs: { ...ATTACH_OUTPUTS, docker: "`docker --version` on the head node, or empty." },
      secretFields: SSH_SECRET_FIELDS,
      pathFields: ["private_key_file"],
      claimsComputeName: true,
      computeName: ATTACHED_COMPUTE_NAME,
      check: (input: HdInsightAttachWith) => checkSshCredentials(input),
      attachedResource: (input: HdInsightAttachWith) => normalizeResourceId(input.resource_id),
      destroy: "detach",
    },
    "configure-run": {
      description: "Write the .runconfig (PySpark by default) that training runs on the cluster load. Docker is not available on HDInsight.",
      schema: runConfigWithSchema,
      outputs: { path: "The run configuration file, relative to the workflow." },
      check: (input: RunConfigWith) => checkRunConfigWith(input, HDINSIGHT),
    },
    detach: DETACH_ACTION,
  },
  plan(ctx: StepContext<any>): Promise<PlanEntry> {
    if (ctx.step.action === "attach") return planHdiAttach(ctx);
    if (ctx.step.action === "detach") return planDetach(ctx);
    return Promise.resolve({ change: "write", summary: `write the run configuration for ${String(ctx.with.compute)}` });
  },
  attach: attachHdi,
  configureRun: configureHdiRun,
  detach: startDetach,
});
