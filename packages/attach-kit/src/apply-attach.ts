import type { ArmRequest, BodyContext, Outputs, PlanEntry, StepContext, StepResult } from "@computeflow/core";
import { startAttach } from "./attach-operation.js";
import { sendAttach, workspaceLocation } from "./compute-put.js";
import type { AttachPlanState } from "./plan-attach.js";
import { plannedEntry } from "./planned.js";

export interface ApplyAttachParts<S extends AttachPlanState> {
  /** The action's plan, when the hook runs without one from core. */
  plan(ctx: StepContext<any>): Promise<PlanEntry>;
  /** The action's `body(input, ctx)`: apply sends exactly this request. */
  request(ctx: BodyContext): ArmRequest;
  /** ARM's error on the PUT names the attach (see sendAttach). */
  raw?: boolean;
  /** Outputs the plan found besides the compute's (the SSH pre-flight's `docker`). */
  outputs?(state: S): Outputs;
}

/**
 * The attach hook every attach plugin shares: as planned, nothing (noop), the PUT that the
 * action's body() gives, a detach then that PUT (reattach), or only watching an attach in flight.
 */
export async function applyAttach<S extends AttachPlanState>(ctx: StepContext<unknown>, parts: ApplyAttachParts<S>): Promise<StepResult> {
  const plan = await plannedEntry(ctx, parts.plan);
  const state = (plan.state ?? { mode: "attach" }) as S;
  const outputs = parts.outputs?.(state) ?? {};
  const location = state.mode === "noop" ? undefined : await workspaceLocation(ctx);
  const request = parts.request({ ...ctx.bodyContext(location ?? ""), plan });
  return startAttach(ctx, state, () => sendAttach(ctx, request, parts.raw), outputs);
}
