import type { PlanEntry, StepContext } from "@computeflow/core";
import type { RunConfigWith } from "@computeflow/runconfig";
import { planInstanceRun } from "./configure-run.js";
import { planDeleteInstance } from "./delete.js";
import { planProvision } from "./plan-provision.js";
import { planPower } from "./power.js";

export async function plan(ctx: StepContext<Record<string, unknown>>): Promise<PlanEntry> {
  const action = ctx.step.action;
  if (action === "start" || action === "stop" || action === "restart") return planPower(ctx, action);
  if (action === "delete") return planDeleteInstance(ctx);
  if (action === "configure-run") return planInstanceRun(ctx as unknown as StepContext<RunConfigWith>);
  return planProvision(ctx);
}
