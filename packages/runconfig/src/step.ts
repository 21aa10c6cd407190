import { readFile } from "node:fs/promises";
import { renderRunConfig } from "./render.js";
import { jobFormat, specFromWith, type TargetCapabilities } from "./check.js";
import { renderCommandJob } from "./command-job.js";
import type { RunConfigWith } from "./with-schema.js";
import { runConfigFilePath, writeGeneratedFile, type WrittenFile } from "./write.js";

/** The parts of core's StepContext a configure-run step needs (structural: no core dependency). */
export interface RunConfigStepContext {
  workflowDir: string;
  /** Where written files must stay; defaults to workflowDir. */
  projectRoot?: string;
  step: { id: string };
  log: { info(message: string): void };
}

export interface GeneratedFile {
  file: WrittenFile;
  content: string;
}

/** What decides the file: whether v2 can run there, and whether it is Kubernetes. */
export type FileTarget = Pick<TargetCapabilities, "v1Only" | "kubernetes">;

/** Azure ML's instance type on a Kubernetes compute where none is configured. */
export const DEFAULT_INSTANCE_TYPE = "defaultinstancetype";

/** The file a configure-run step writes: `jobs/<step>.yml` (v2 command job) or `.azureml/<step>.runconfig` (v1). */
export function runConfigFileFor(ctx: RunConfigStepContext, input: RunConfigWith, target?: FileTarget): GeneratedFile {
  if (jobFormat(input, target) === "v1") {
    return { file: runConfigFilePath(ctx.workflowDir, ctx.step.id, input.path, ".runconfig", ctx.projectRoot), content: renderRunConfig(specFromWith(input)) };
  }
  const file = input.path === undefined ? runConfigFilePath(ctx.workflowDir, ctx.step.id, "jobs/" + ctx.step.id + ".yml", ".runconfig", ctx.projectRoot) : runConfigFilePath(ctx.workflowDir, ctx.step.id, input.path, ".runconfig", ctx.projectRoot);
  const job = target?.kubernetes && input.instance_type === undefined ? { ...input, instance_type: DEFAULT_INSTANCE_TYPE } : input;
  return { file, content: renderCommandJob(job, { workflowDir: ctx.workflowDir, jobFile: file.absolutePath }, file.path) };
}

/** True when the file on disk already holds exactly `content` (a re-run changes nothing). */
export async function isUpToDate(generated: GeneratedFile): Promise<boolean> {
  try {
    return (await readFile(generated.file.absolutePath, "utf8")) === generated.content;
  } catch {
    return false;
  }
}

/** Writes a generated file unless it is already up to date; the step result says which. */
export async function writeStepFile(ctx: RunConfigStepContext, generated: GeneratedFile, message: string): Promise<{ outputs: { path: string }; files: string[]; changed: boolean }> {
  const outputs = { path: generated.file.path };
  if (await isUpToDate(generated)) return { outputs, files: [generated.file.path], changed: false };
  await writeGeneratedFile(generated.file, generated.content);
  ctx.log.info(message);
  return { outputs, files: [generated.file.path], changed: true };
}

/** `action: configure-run` for a training target: writes the v2 job (or v1 .runconfig) and logs how to use it. */
export function writeRunConfigStep(ctx: RunConfigStepContext, input: RunConfigWith, target?: FileTarget): Promise<{ outputs: { path: string }; files: string[]; changed: boolean }> {
  const generated = runConfigFileFor(ctx, input, target);
  const path = generated.file.path;
  const message =
    jobFormat(input, target) === "v1"
      ? `wrote ${path} (${input.framework ?? "python"} on ${input.compute}): load it with RunConfiguration.load("${path}")`
      : `wrote ${path} (v2 command job on ${input.compute}): submit it with az ml job create -f ${path}`;
  return writeStepFile(ctx, generated, message);
}
