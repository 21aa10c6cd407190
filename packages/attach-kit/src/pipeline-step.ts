import { defineAction, type AnyAction, type JsonSchema, type StepContext, type StepResult } from "@computeflow/core";
import { renderPipelineStep, runConfigFilePath, v1OnlyWarning, writeStepFile, type GeneratedFile, type PipelineStepKind, type V1OnlyTarget } from "@computeflow/runconfig";
import { planFileWrite } from "./plugin-parts.js";

const V1_TARGET: Record<PipelineStepKind, V1OnlyTarget> = { AzureBatchStep: "Batch", DatabricksStep: "Databricks", AdlaStep: "DataLakeAnalytics" };

/** `with` of a pipeline-step target's configure-run: the compute, where the file goes, the step's parameters. */
export interface PipelineStepInput {
  compute: string;
  path?: string;
  [parameter: string]: unknown;
}

const typed = (ctx: StepContext<any>) => ctx as StepContext<PipelineStepInput>;

/**
 * `action: configure-run` of a pipeline-step target (Batch, Databricks, Data Lake
 * Analytics): Azure ML runs these only as pipeline steps, so the step writes that step's
 * settings instead of a .runconfig.
 */
export function pipelineStepAction(kind: PipelineStepKind, parameters: Record<string, JsonSchema>, required: string[] = []): AnyAction {
  return defineAction({
    description: `Write the settings of an azureml.pipeline.steps.${kind} for this compute (it takes no .runconfig).`,
    schema: {
      type: "object",
      additionalProperties: false,
      required: ["compute", ...required],
      properties: {
        compute: { type: "string", minLength: 1, description: "The attached compute the pipeline step runs on." },
        path: { type: "string", minLength: 1, description: "Where to write the file; defaults to .azureml/<step>.pipeline-step.yml." },
        ...parameters,
      },
    } as JsonSchema,
    outputs: { path: "The pipeline step settings file, relative to the workflow." },
    check: () => [v1OnlyWarning(V1_TARGET[kind], `the settings of a v1 azureml.pipeline.steps.${kind}`)],
    writeFields: ["path"] as never[],
    label: "write",
    plan: (ctx) => planFileWrite(pipelineStepFileFor(typed(ctx), kind), typed(ctx).with.compute),
    apply: (ctx) => writePipelineStep(typed(ctx), kind),
  });
}

export function pipelineStepFileFor(ctx: StepContext<PipelineStepInput>, kind: PipelineStepKind): GeneratedFile {
  const { compute, path, ...parameters } = ctx.with;
  return {
    file: runConfigFilePath(ctx.workflowDir, ctx.step.id, path, ".pipeline-step.yml", ctx.projectRoot),
    content: renderPipelineStep({ stepType: kind, computeTarget: compute, parameters }),
  };
}

export function writePipelineStep(ctx: StepContext<PipelineStepInput>, kind: PipelineStepKind): Promise<StepResult> {
  const generated = pipelineStepFileFor(ctx, kind);
  const message = `${ctx.with.compute} is a pipeline-step target (no .runconfig): wrote ${generated.file.path} with the settings of an azureml.pipeline.steps.${kind}`;
  return writeStepFile(ctx, generated, message);
}
