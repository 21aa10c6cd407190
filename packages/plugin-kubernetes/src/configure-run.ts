import { defineAction, type PlanEntry, type StepContext, type StepResult } from "@computeflow/core";
import { checkRunConfigWith, isUpToDate, runConfigFileFor, runConfigWithSchema, writeRunConfigStep, type RunConfigWith } from "@computeflow/runconfig";

/** Kubernetes compute runs v2 jobs only, each asking for an instance type (default: defaultinstancetype). */
const KUBERNETES = { kind: "Kubernetes compute", frameworks: ["python"], kubernetes: true } as const;


export async function planConfigureRun(ctx: StepContext<RunConfigWith>): Promise<PlanEntry> {
  const generated = runConfigFileFor(ctx, ctx.with, KUBERNETES);
  if (await isUpToDate(generated)) return { change: "noop", summary: `${generated.file.path} is up to date` };
  return { change: "write", summary: `write ${generated.file.path} for ${ctx.with.compute}` };
}

export function configureRun(ctx: StepContext<RunConfigWith>): Promise<StepResult> {
  return writeRunConfigStep(ctx, ctx.with, KUBERNETES);
}

const typed = (ctx: StepContext<any>) => ctx as unknown as StepContext<RunConfigWith>;

/** `action: configure-run`: the v2 command job for this compute (there is no v1 file for Kubernetes). */
export const configureRunAction = defineAction({
  description: "Write a v2 command job (jobs/<step>.yml) for the Kubernetes compute, with resources.instance_type.",
  schema: runConfigWithSchema,
  pathFields: ["conda_file"],
  writeFields: ["path"],
  outputs: { path: "The job file, relative to the workflow." },
  check: (raw) => {
    const input = raw as unknown as RunConfigWith;
    return [
      ...checkRunConfigWith(input, KUBERNETES),
      ...(input.format === "v1" ? [{ path: "/format", code: "E_RUN_CONFIG", message: "Kubernetes compute runs v2 jobs only: there is no v1 .runconfig for it", hint: "remove `format: v1`" }] : []),
    ];
  },
  plan: (ctx) => planConfigureRun(typed(ctx)),
  apply: (ctx) => configureRun(typed(ctx)),
});
