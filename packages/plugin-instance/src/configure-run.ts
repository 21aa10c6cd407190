import type { CheckProblem, PlanEntry, StepContext, StepResult } from "@computeflow/core";
import { checkRunConfigWith, isUpToDate, runConfigFileFor, writeRunConfigStep, type RunConfigWith } from "@computeflow/runconfig";

const INSTANCE = { kind: "a compute instance", frameworks: ["python"] } as const;

/** The shared run checks, plus what one instance cannot do. */
export function checkInstanceRun(input: RunConfigWith): CheckProblem[] {
  const problems: CheckProblem[] = checkRunConfigWith(input, INSTANCE);
  if (input.node_count !== undefined && input.node_count > 1) {
    problems.push({ path: "/node_count", message: "a compute instance is one node", hint: "remove node_count, or train on a compute cluster (uses: amlcompute) for distributed runs" });
  }
  return problems;
}

export async function planInstanceRun(ctx: StepContext<RunConfigWith>): Promise<PlanEntry> {
  const generated = runConfigFileFor(ctx, ctx.with);
  if (await isUpToDate(generated)) return { change: "noop", summary: `${generated.file.path} is up to date` };
  return { change: "write", summary: `write ${generated.file.path} for ${ctx.with.compute}` };
}

/** Writes the v2 command job that runs on the instance (`format: v1`: a .runconfig). */
export function configureInstanceRun(ctx: StepContext<RunConfigWith>): Promise<StepResult> {
  return writeRunConfigStep(ctx, ctx.with);
}
