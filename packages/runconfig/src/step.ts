import { renderRunConfig } from "./render.js";
import { specFromWith } from "./check.js";
import type { RunConfigWith } from "./with-schema.js";
import { runConfigFilePath, writeGeneratedFile } from "./write.js";

/** The parts of core's StepContext a configure-run step needs (structural: no core dependency). */
export interface RunConfigStepContext {
  workflowDir: string;
  step: { id: string };
  log: { info(message: string): void };
}

/** `action: configure-run` for a training target: writes the file, logs how to use it, returns the step result. */
export async function writeRunConfigStep(ctx: RunConfigStepContext, input: RunConfigWith): Promise<{ outputs: { path: string }; files: string[] }> {
  const file = runConfigFilePath(ctx.workflowDir, ctx.step.id, input.path);
  await writeGeneratedFile(file, renderRunConfig(specFromWith(input)));
  ctx.log.info(`wrote ${file.path} (${input.framework ?? "python"} on ${input.compute}): load it with RunConfiguration.load("${file.path}")`);
  return { outputs: { path: file.path }, files: [file.path] };
}
