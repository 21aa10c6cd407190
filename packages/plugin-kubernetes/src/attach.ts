import { defineAction, type PlanEntry, type StepContext, type StepResult } from "@computeflow/core";
import { attachRequest, checkAttach } from "./body.js";
import { detach, planDetachStep } from "./detach.js";
import { detachThenAttach, outputsOf, untilReady } from "./operations.js";
import { planAttach } from "./plan.js";
import type { AttachInput } from "./input.js";
import { attachSchema } from "./schema.js";
import { beginAttach, beginDetach, getCompute } from "./sdk.js";

export const OUTPUTS = {
  name: "Compute name in the workspace.",
  id: "ARM id of the compute.",
  resource_id: "ARM id of the attached cluster.",
  namespace: "Kubernetes namespace jobs run in.",
} as const;


export async function planAttachStep(ctx: StepContext<AttachInput>): Promise<PlanEntry> {
  return planAttach(ctx.with, await getCompute(ctx, ctx.step.name));
}

export async function attach(ctx: StepContext<AttachInput>): Promise<StepResult> {
  const plan = ctx.plan ?? (await planAttachStep(ctx));
  const name = ctx.step.name;
  // the PUT is body(): no location (a Kubernetes attachment takes the workspace's)
  const body = attachRequest(ctx.with, ctx.bodyContext("")).body as Record<string, unknown>;
  switch (plan.change) {
    case "noop": {
      const current = await getCompute(ctx, name);
      return { changed: false, outputs: outputsOf(name, current as never) };
    }
    case "attach":
      await beginAttach(ctx, name, body);
      return { operation: untilReady(name, `attaching Kubernetes compute ${name}`) };
    case "in-progress":
      return { operation: untilReady(name, `waiting for Kubernetes compute ${name}`) };
    case "reattach":
      await beginDetach(ctx, name);
      return { operation: detachThenAttach(name, () => beginAttach(ctx, name, body)) };
    default:
      // core refuses blocked plans before apply runs
      throw new Error(`cannot apply a '${plan.change}' plan`);
  }
}

const typed = (ctx: StepContext<any>) => ctx as unknown as StepContext<AttachInput>;

/** `action: attach`, one unit: schema, outputs, check, plan, apply; destroy detaches (the cluster is kept). */
export const attachAction = defineAction({
  description: "Attach an existing AKS or Arc-enabled Kubernetes cluster (with the Azure ML extension) as Kubernetes compute.",
  schema: attachSchema,
  outputs: OUTPUTS,
  claimsComputeName: true,
  check: (input) => checkAttach(input as unknown as AttachInput),
  attachedResource: (input) => String((input as Record<string, unknown>).resource_id).toLowerCase(),
  body: (input, ctx) => attachRequest(input as unknown as AttachInput, ctx),
  plan: (ctx) => planAttachStep(typed(ctx)),
  apply: (ctx) => attach(typed(ctx)),
  destroy: { label: "detach", plan: (ctx) => planDetachStep(ctx), apply: (ctx) => detach(ctx) },
});
