import { ComputeflowError } from "@computeflow/core";
import type { CheckProblem, PlanEntry, StepContext, StepResult } from "@computeflow/core";
import type { RunConfigWith } from "@computeflow/runconfig";
import { checkRunConfigWith, isUpToDate, runConfigFileFor, writeRunConfigStep } from "@computeflow/runconfig";
import { getCompute } from "@computeflow/compute-kit";
import { clusterProps } from "./cluster-props.js";

const TARGET = { kind: "AmlCompute", frameworks: ["python"] } as const;

export function checkConfigureRun(input: RunConfigWith): CheckProblem[] {
  return checkRunConfigWith(input, TARGET);
}

async function verifyCluster(ctx: StepContext<RunConfigWith>): Promise<void> {
  const name = ctx.with.compute;
  const compute = await getCompute(ctx, name);
  if (!compute) {
    throw new ComputeflowError({ code: "E_NOT_FOUND", errorClass: "not-found", message: `compute ${name} does not exist in workspace ${ctx.workspace.name}`, hint: "provision it first (uses: amlcompute, action: provision)" });
  }
  if (compute.properties?.computeType !== "AmlCompute") {
    throw new ComputeflowError({ code: "E_CONFLICT", errorClass: "validation", message: `compute ${name} is a ${compute.properties?.computeType} compute, not AmlCompute`, hint: "use the configure-run action of that target's plugin" });
  }
  const max = clusterProps(compute).scaleSettings?.maxNodeCount;
  const nodes = ctx.with.node_count ?? 1;
  if (max !== undefined && nodes > max) {
    throw new ComputeflowError({ code: "E_INPUT", errorClass: "validation", message: `node_count ${nodes} is more than cluster ${name} can grow to (max_nodes ${max})`, hint: "lower node_count or raise max_nodes" });
  }
}

export async function planConfigureRun(ctx: StepContext<RunConfigWith>): Promise<PlanEntry> {
  const generated = runConfigFileFor(ctx, ctx.with);
  if (await isUpToDate(generated)) return { change: "noop", summary: `${generated.file.path} is up to date` };
  return { change: "write", summary: `write ${generated.file.path} for ${ctx.with.compute}` };
}

/** Writes the v2 command job (or, with `format: v1`, the .runconfig); an identical file is left alone. */
export async function configureRun(ctx: StepContext<RunConfigWith>): Promise<StepResult> {
  await verifyCluster(ctx);
  const written = await writeRunConfigStep(ctx, ctx.with);
  return { ...written, outputs: { ...written.outputs, compute: ctx.with.compute } };
}
