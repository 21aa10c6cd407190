import type { JsonSchema, StepContext, StepResult } from "@computeflow/core";
import { runConfigFileFor, runConfigWithSchema, writeRunConfigStep, type GeneratedFile, type RunConfigWith, type TargetCapabilities } from "@computeflow/runconfig";

export const HDINSIGHT: TargetCapabilities = {
  kind: "HDInsight",
  frameworks: ["pyspark", "python"],
  dockerUnsupported: "runs execute in the cluster's own Spark (YARN) environment, not in a Docker container Azure ML starts",
  v1Only: "HDInsight",
};

/** `with` of configure-run: runconfig's, with PySpark as the default framework (the document's HDInsight sample). */
export const configureRunSchema: JsonSchema = {
  ...runConfigWithSchema,
  properties: { ...runConfigWithSchema.properties, framework: { ...runConfigWithSchema.properties.framework, default: "pyspark" } },
};

export function configureHdiRun(ctx: StepContext<RunConfigWith>): Promise<StepResult> {
  return writeRunConfigStep(ctx, ctx.with, HDINSIGHT);
}

export function hdiRunFile(ctx: StepContext<RunConfigWith>): GeneratedFile {
  return runConfigFileFor(ctx, ctx.with, HDINSIGHT);
}
