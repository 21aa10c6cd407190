import { attachPlugin, runConfigAction, sshAttachAction } from "@computeflow/attach-kit";
import { attachHdi } from "./attach.js";
import { configureHdiRun, HDINSIGHT, hdiRunFile } from "./configure-run.js";
import { planHdiAttach } from "./plan.js";
import { attachSchema } from "./schema.js";

export default attachPlugin({
  name: "hdinsight",
  description: "Attach an HDInsight Spark cluster (HDInsightCompute) and write its PySpark run configuration.",
  attach: sshAttachAction("Attach an existing HDInsight Spark cluster over SSH, after checking it exists, is Spark, and accepts the credentials.", attachSchema, "the head node"),
  configureRun: runConfigAction(HDINSIGHT, "Write the .runconfig (PySpark by default) that training runs on the cluster load. Docker is not available on HDInsight."),
  planAttach: planHdiAttach,
  attachHook: attachHdi,
  configureRunHook: configureHdiRun,
  generated: hdiRunFile,
});
