import { defineAction, type PlanEntry, type StepContext, type StepResult } from "@computeflow/core";
import { untilGone } from "./operations.js";
import { planDetach } from "./plan.js";
import { noInputSchema } from "./schema.js";
import { beginDetach, getCompute } from "./sdk.js";


export async function planDetachStep(ctx: StepContext<unknown>): Promise<PlanEntry> {
  return planDetach(await getCompute(ctx, ctx.step.name));
}

export async function detach(ctx: StepContext<unknown>): Promise<StepResult> {
  const plan = ctx.plan ?? (await planDetachStep(ctx));
  if (plan.change === "noop") return { changed: false, outputs: { name: ctx.step.name } };
  await beginDetach(ctx, ctx.step.name);
  return { operation: untilGone(ctx.step.name, `detaching Kubernetes compute ${ctx.step.name}`) };
}

/** `action: detach`, and `destroy` of an attach step: the cluster itself is kept. */
export const detachAction = defineAction({
  description: "Detach the Kubernetes compute; the cluster itself is kept.",
  schema: noInputSchema,
  outputs: { name: "Compute name that was detached." },
  plan: (ctx) => planDetachStep(ctx),
  apply: (ctx) => detach(ctx),
});
