import type { PlanEntry, StepContext } from "@computeflow/core";
import { planDeleteInstance } from "./delete.js";
import { planProvision } from "./plan-provision.js";
import { planPower } from "./power.js";

export async function plan(ctx: StepContext<Record<string, unknown>>): Promise<PlanEntry> {
  const action = ctx.step.action;
  if (action === "start" || action === "stop" || action === "restart") return planPower(ctx, action);
  if (action === "delete") return planDeleteInstance(ctx);
  return planProvision(ctx);
}
