import { ComputeflowError, ErrorCodes, type PlanEntry, type StepContext } from "@computeflow/core";

/**
 * The plan the hook acts on: core's (computed right before the hook), or a fresh one when
 * the hook runs on its own. A blocked plan stops here with its code, reason and hint.
 */
export async function plannedEntry(ctx: StepContext<any>, plan: (ctx: StepContext<any>) => Promise<PlanEntry>): Promise<PlanEntry> {
  const entry = ctx.plan ?? (await plan(ctx));
  if (entry.change === "blocked") {
    throw new ComputeflowError({ code: entry.code ?? ErrorCodes.BLOCKED, errorClass: "validation", message: entry.reason ?? "blocked", hint: entry.hint });
  }
  return entry;
}
