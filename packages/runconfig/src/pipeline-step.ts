import { dump } from "js-yaml";

/**
 * Batch, Databricks and Data Lake Analytics run only as Azure ML pipeline steps, not
 * through a `.runconfig`; this is the settings file such a step is built from.
 */
export type PipelineStepKind = "AzureBatchStep" | "DatabricksStep" | "AdlaStep";

export interface PipelineStepSettings {
  stepType: PipelineStepKind;
  /** The compute target name in the workspace (`compute_target=` of the step). */
  computeTarget: string;
  /** Step parameters in the Python SDK's names (`run_name`, `script_name`, `pool_id` ...). */
  parameters: Record<string, unknown>;
}

export function renderPipelineStep(settings: PipelineStepSettings): string {
  const header =
    `# Written by computeflow. ${settings.computeTarget} is a pipeline-step target: build an ` +
    `azureml.pipeline.steps.${settings.stepType} with these settings; it has no .runconfig.\n`;
  return header + dump({ stepType: settings.stepType, computeTarget: settings.computeTarget, ...settings.parameters }, { lineWidth: -1, noRefs: true });
}
