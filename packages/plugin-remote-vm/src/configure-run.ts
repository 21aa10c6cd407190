import { ComputeflowError, type StepContext, type StepResult } from "@computeflow/core";
import { writeRunConfigStep, type RunConfigWith, type TargetCapabilities } from "@computeflow/runconfig";

export const REMOTE_VM: TargetCapabilities = { kind: "a remote VM", frameworks: ["python"] };

/**
 * Writes `.azureml/<step>.runconfig`. A Docker run needs a Docker engine on the VM: the
 * attach step's pre-flight published what it found as its `docker` output: "" is "no Docker";
 * null (the pre-flight could not tell) is unknown, never read as "no Docker".
 */
export async function configureVmRun(ctx: StepContext<RunConfigWith>): Promise<StepResult> {
  const input = ctx.with;
  if (input.docker?.enabled) {
    const without = Object.entries(ctx.needs).find(([, outputs]) => outputs.name === input.compute && outputs.docker === "");
    if (without) {
      throw new ComputeflowError({
        code: "E_SSH_NO_DOCKER",
        errorClass: "validation",
        message: `the run configuration asks for Docker, but step ${without[0]} found no Docker engine on ${input.compute}`,
        hint: "install Docker on the VM, or set docker.enabled: false and use conda_file",
      });
    }
    const unknown = Object.entries(ctx.needs).find(([, outputs]) => outputs.name === input.compute && outputs.docker === null);
    if (unknown) ctx.log.warn(`step ${unknown[0]} could not check for Docker on ${input.compute}; the run configuration assumes it is there`);
  }
  return writeRunConfigStep(ctx, input);
}
