import type { PlanEntry, StepContext } from "@computeflow/core";
import type { RunConfigWith } from "@computeflow/runconfig";
import type { ProvisionInput } from "./input.js";
import { planDelete } from "@computeflow/compute-kit";
import { planProvision } from "./plan-provision.js";
import { planConfigureRun } from "./configure-run.js";

export async function plan(ctx: StepContext<Record<string, unknown>>): Promise<PlanEntry> {
  switch (ctx.step.action) {
    case "provision":
      return planProvision(ctx as unknown as StepContext<ProvisionInput>);
    case "delete":
      return planDelete(ctx);
    default:
      return planConfigureRun(ctx as unknown as StepContext<RunConfigWith>);
  }
}
