import { readFile } from "node:fs/promises";
import { renderRunConfig } from "./render.js";
import { specFromWith } from "./check.js";
import type { RunConfigWith } from "./with-schema.js";
import { runConfigFilePath, writeGeneratedFile, type WrittenFile } from "./write.js";

/** The parts of core's StepContext a configure-run step needs (structural: no core dependency). */
export interface RunConfigStepContext {
  workflowDir: string;
  step: { id: string };
  log: { info(message: string): void };
}

export interface GeneratedFile {
  file: WrittenFile;
  content: string;
}

export function runConfigFileFor(ctx: RunConfigStepContext, input: RunConfigWith): GeneratedFile {
  return { file: runConfigFilePath(ctx.workflowDir, ctx.step.id, input.path), content: renderRunConfig(specFromWith(input)) };
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
  if (await isUpToDate(generated)) return { outputs, files: [], changed: false };
  await writeGeneratedFile(generated.file, generated.content);
  ctx.log.info(message);
  return { outputs, files: [generated.file.path], changed: true };
}

/** `action: configure-run` for a training target: writes the .runconfig and logs how to use it. */
export function writeRunConfigStep(ctx: RunConfigStepContext, input: RunConfigWith): Promise<{ outputs: { path: string }; files: string[]; changed: boolean }> {
  const generated = runConfigFileFor(ctx, input);
  const path = generated.file.path;
  return writeStepFile(ctx, generated, `wrote ${path} (${input.framework ?? "python"} on ${input.compute}): load it with RunConfiguration.load("${path}")`);
}
