import type { ActionSpec, PlanEntry, PlanHook, StepContext } from "@computeflow/core";
import { checkRunConfigWith, runConfigWithSchema, type RunConfigWith, type TargetCapabilities } from "@computeflow/runconfig";
import { planDetach } from "./detach.js";

/** The plan hook of an attach plugin: its own attach plan, the shared detach plan, and a file write. */
export function attachPluginPlan(planAttach: (ctx: StepContext<any>) => Promise<PlanEntry>): PlanHook {
  return (ctx) => {
    if (ctx.step.action === "attach") return planAttach(ctx);
    if (ctx.step.action === "detach") return planDetach(ctx);
    return Promise.resolve({ change: "write", summary: `write the ${ctx.step.action} settings for ${String((ctx.with as { compute?: unknown }).compute)}` });
  };
}

/** `action: configure-run` of a training target (remote VM, HDInsight): the .runconfig. */
export function runConfigAction(target: TargetCapabilities, description: string): ActionSpec<RunConfigWith> {
  return {
    description,
    schema: runConfigWithSchema,
    outputs: { path: "The run configuration file, relative to the workflow." },
    check: (input) => checkRunConfigWith(input, target),
  };
}
