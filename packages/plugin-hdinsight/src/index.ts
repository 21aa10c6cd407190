import { ATTACH_OUTPUTS, ATTACHED_COMPUTE_NAME, attachPluginPlan, checkSshCredentials, DETACH_ACTION, normalizeResourceId, runConfigAction, SSH_SECRET_FIELDS, startDetach } from "@computeflow/attach-kit";
import { definePlugin } from "@computeflow/core";
import { attachHdi } from "./attach.js";
import { configureHdiRun, HDINSIGHT, hdiRunFile } from "./configure-run.js";
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
    "configure-run": runConfigAction(HDINSIGHT, "Write the .runconfig (PySpark by default) that training runs on the cluster load. Docker is not available on HDInsight."),
    detach: DETACH_ACTION,
  },
  plan: attachPluginPlan(planHdiAttach, hdiRunFile),
  attach: attachHdi,
  configureRun: configureHdiRun,
  detach: startDetach,
});
