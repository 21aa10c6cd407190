/**
 * Dates and next steps of the Azure ML lifecycle that configure-run warns about.
 * Sources: the SDK v1 and CLI v1 support notices on learn.microsoft.com (azureml-core
 * support ended 2026-06-30, the azure-cli-ml extension 2025-09-30) and the Data Lake
 * Analytics retirement notice (2024-02-29).
 */
export const V1_SUPPORT_ENDED = "2026-06-30";
export const V1_CLI_SUPPORT_ENDED = "2025-09-30";
export const ADLA_RETIRED = "2024-02-29";

/** A v1 `.runconfig` asked for on a target v2 can run. */
export const W_V1_FORMAT = "W_V1_FORMAT";
/** A target that has no v2 job target at all. */
export const W_V1_ONLY = "W_V1_ONLY";

/** Targets v2 cannot run a job on, with what to move to. */
export const V1_ONLY_TARGETS = {
  HDInsight: "run Spark jobs on Azure ML serverless Spark compute or an attached Synapse Spark pool (v2 `type: spark` jobs)",
  Batch: "run the work as a v2 command job on a compute cluster (uses: amlcompute), or as an Azure Batch job outside Azure ML",
  Databricks: "run the notebook or script as an Azure Databricks job, or as a v2 Spark job on serverless Spark compute",
  DataLakeAnalytics: `Data Lake Analytics was retired on ${ADLA_RETIRED}: move U-SQL work to Azure Synapse Analytics or Microsoft Fabric, or to a v2 Spark job`,
} as const;

export type V1OnlyTarget = keyof typeof V1_ONLY_TARGETS;

export interface LifecycleWarning {
  path: string;
  code: string;
  message: string;
  hint: string;
  severity: "warning";
}

export function v1OnlyWarning(target: V1OnlyTarget, what: string): LifecycleWarning {
  return {
    path: "",
    code: W_V1_ONLY,
    severity: "warning",
    message: `${target} has no Azure ML v2 job target: this step writes ${what}, which only Azure ML SDK v1 reads (v1 support ended ${V1_SUPPORT_ENDED})`,
    hint: V1_ONLY_TARGETS[target],
  };
}

export function v1FormatWarning(): LifecycleWarning {
  return {
    path: "/format",
    code: W_V1_FORMAT,
    severity: "warning",
    message: `format: v1 writes a .runconfig, which only Azure ML SDK v1 reads; v1 support ended ${V1_SUPPORT_ENDED}`,
    hint: "remove `format: v1` to write a v2 command job (jobs/<step>.yml) for `az ml job create -f`",
  };
}
