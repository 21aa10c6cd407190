import type { ActionSpec, PlanEntry, PlanHook, StepContext } from "@computeflow/core";
import { checkRunConfigWith, isUpToDate, runConfigWithSchema, type GeneratedFile, type RunConfigWith, type TargetCapabilities } from "@computeflow/runconfig";
import { planDetach } from "./detach.js";

/**
 * The plan hook of an attach plugin: its own attach plan, the shared detach plan, and for
 * configure-run a write, or noop when the file on disk is already what it would write.
 */
export function attachPluginPlan(planAttach: (ctx: StepContext<any>) => Promise<PlanEntry>, generated: (ctx: StepContext<any>) => GeneratedFile): PlanHook {
  return async (ctx) => {
    if (ctx.step.action === "attach") return planAttach(ctx);
    if (ctx.step.action === "detach") return planDetach(ctx);
    const file = generated(ctx);
    if (await isUpToDate(file)) return { change: "noop", summary: `${file.file.path} is up to date` };
    return { change: "write", summary: `write ${file.file.path} for ${String((ctx.with as { compute?: unknown }).compute)}` };
  };
}

/** `action: configure-run` of a training target: a v2 command job (remote VM) or a v1 .runconfig (HDInsight). */
export function runConfigAction(target: TargetCapabilities, description: string): ActionSpec<RunConfigWith> {
  return {
    description,
    schema: runConfigWithSchema,
    outputs: { path: "The job file (v2) or .runconfig (v1), relative to the workflow." },
    pathFields: ["conda_file"],
    writeFields: ["path"],
    check: (input) => checkRunConfigWith(input, target),
  };
}
