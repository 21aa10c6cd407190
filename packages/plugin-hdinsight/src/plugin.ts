import { defineAttachAction, detachAction, runConfigAction, sshAttachParts } from "@computeflow/attach-kit";
import { definePlugin, PLUGIN_API_VERSION } from "@computeflow/core";
import { attachHdi } from "./attach.js";
import { attachRequest } from "./body.js";
import { configureHdiRun, configureRunSchema, HDINSIGHT, hdiRunFile } from "./configure-run.js";
import { planHdiAttach } from "./plan.js";
import { attachSchema, type AttachInput } from "./schema.js";

/** `action: attach`, one unit: schema, credential checks, the cluster and SSH pre-flight (plan), body, apply; destroy detaches (the cluster stays). */
export const attachAction = defineAttachAction<AttachInput>({
  description: "Attach an existing HDInsight Spark cluster over SSH, after checking it exists, is Spark, and accepts the credentials.",
  schema: attachSchema,
  ...sshAttachParts("the head node"),
  body: attachRequest,
  plan: planHdiAttach,
  apply: attachHdi,
});

/** `action: configure-run`: the .runconfig (PySpark by default) runs on the cluster load. */
export const configureRunAction = runConfigAction(HDINSIGHT, {
  description: "Write the .runconfig (PySpark by default) that training runs on the cluster load. Docker is not available on HDInsight.",
  schema: configureRunSchema,
  apply: configureHdiRun,
  generated: hdiRunFile,
});

/** `uses: hdinsight` (plugin API 2): attach, configure-run, detach. */
export const hdinsightPlugin = definePlugin({
  apiVersion: PLUGIN_API_VERSION,
  name: "hdinsight",
  description: "Attach an HDInsight Spark cluster (HDInsightCompute) and write its PySpark run configuration.",
  actions: { attach: attachAction, "configure-run": configureRunAction, detach: detachAction },
});
