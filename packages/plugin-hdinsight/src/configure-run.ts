import type { StepContext, StepResult } from "@computeflow/core";
import { runConfigFileFor, writeRunConfigStep, type GeneratedFile, type RunConfigWith, type TargetCapabilities } from "@computeflow/runconfig";

export const HDINSIGHT: TargetCapabilities = {
  kind: "HDInsight",
  frameworks: ["pyspark", "python"],
  dockerUnsupported: "runs execute in the cluster's own Spark (YARN) environment, not in a Docker container Azure ML starts",
  v1Only: "HDInsight",
};

/** PySpark unless the step says otherwise (the document's HDInsight sample). */
function hdiRunInput(input: RunConfigWith): RunConfigWith {
  return { ...input, framework: input.framework ?? "pyspark" };
}

export function configureHdiRun(ctx: StepContext<RunConfigWith>): Promise<StepResult> {
  return writeRunConfigStep(ctx, hdiRunInput(ctx.with), HDINSIGHT);
}

export function hdiRunFile(ctx: StepContext<RunConfigWith>): GeneratedFile {
  return runConfigFileFor(ctx, hdiRunInput(ctx.with), HDINSIGHT);
}
