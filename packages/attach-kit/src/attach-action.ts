import { asWritten } from "@computeflow/compute-kit";
import { defineAction, type AnyAction, type ArmRequest, type BodyContext, type CheckContext, type CheckProblem, type JsonSchema, type PlanEntry, type StepContext, type StepResult } from "@computeflow/core";
import { ATTACH_OUTPUTS, ATTACHED_COMPUTE_NAME } from "./action-specs.js";
import { planDetach, startDetach } from "./detach.js";

/** What an attach plugin writes for its `action: attach`; `W` is its `AttachInput` (defaults applied). */
export interface AttachActionParts<W> {
  description: string;
  schema: JsonSchema;
  /** Outputs besides `name`, `id` and `resource_id`. */
  outputs?: Readonly<Record<string, string>>;
  secretFields?: readonly (keyof W & string)[];
  pathFields?: readonly (keyof W & string)[];
  /** Sees run-time values as their `${{ }}` text, as plugin API 1 checks did. */
  check?(input: W, ctx: CheckContext): CheckProblem[];
  /** The attached resource's id (the duplicate-attachment guard); run-time values as their `${{ }}` text. */
  attachedResource?(input: W, ctx: CheckContext): string | undefined;
  /** Reads only: the workspace checks of plan-attach.ts plus the target's own. */
  plan(ctx: StepContext<W>): Promise<PlanEntry>;
  apply(ctx: StepContext<W>): Promise<StepResult>;
  /** The attach PUT, side-effect free; apply sends exactly this (see applyAttach). */
  body?(input: W, ctx: BodyContext): ArmRequest;
  /** The body carries something the plan found in Azure (BodyContext.plan). */
  planBeforeBody?: boolean;
}

const typed = <W>(ctx: StepContext<any>) => ctx as StepContext<W>;

/**
 * `action: attach` of an attach plugin, as one defineAction unit: the target's schema, checks,
 * plan, apply and body, with what every attachment shares: outputs `name`, `id`, `resource_id`,
 * Azure ML's name rules, the `attach` label, and destroy as a detach (the resource stays).
 */
export function defineAttachAction<W>(parts: AttachActionParts<W>): AnyAction {
  const { check, attachedResource, plan, apply, body, outputs, secretFields, pathFields, ...data } = parts;
  return defineAction({
    ...data,
    outputs: { ...ATTACH_OUTPUTS, ...outputs },
    ...(secretFields ? { secretFields: secretFields as readonly string[] } : {}),
    ...(pathFields ? { pathFields: pathFields as readonly string[] } : {}),
    claimsComputeName: true,
    computeName: ATTACHED_COMPUTE_NAME,
    label: "attach",
    ...(check ? { check: (input, ctx) => check(asWritten<W>(input), ctx) } : {}),
    ...(attachedResource ? { attachedResource: (input, ctx) => attachedResource(asWritten<W>(input), ctx) } : {}),
    ...(body ? { body: (input, ctx) => body(input as W, ctx) } : {}),
    plan: (ctx) => plan(typed<W>(ctx)),
    apply: (ctx) => apply(typed<W>(ctx)),
    destroy: { label: "detach", plan: planDetach, apply: startDetach },
  });
}
