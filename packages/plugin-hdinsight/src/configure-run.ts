import type { StepContext, StepResult } from "@computeflow/core";
import { writeRunConfigStep, type RunConfigWith, type TargetCapabilities } from "@computeflow/runconfig";

export const HDINSIGHT: TargetCapabilities = {
  kind: "HDInsight",
  frameworks: ["pyspark", "python"],
  dockerUnsupported: "runs execute in the cluster's own Spark (YARN) environment, not in a Docker container Azure ML starts",
};

/** PySpark unless the step says otherwise (the document's HDInsight sample). */
export function configureHdiRun(ctx: StepContext<RunConfigWith>): Promise<StepResult> {
  return writeRunConfigStep(ctx, { ...ctx.with, framework: ctx.with.framework ?? "pyspark" });
}
