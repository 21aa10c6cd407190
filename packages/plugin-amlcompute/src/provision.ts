import type { ComputeResource } from "@azure/arm-machinelearningservices";
import type { StepContext, StepResult } from "@computeflow/core";
import type { ProvisionInput } from "./input.js";
import { putCompute, removeCompute, removeThenPut } from "@computeflow/compute-kit";
import { provisionRequest, scaleSettings } from "./body.js";
import { clusterProps } from "./cluster-props.js";
import { durationToSeconds } from "./duration.js";
import { planProvision } from "./plan-provision.js";
import { provisionStep } from "./plan-state.js";
import { clusterReadiness } from "./readiness.js";
import { beginScale } from "./sdk.js";

function scaleApplied(input: ProvisionInput) {
  return (compute: ComputeResource) => {
    const scale = clusterProps(compute).scaleSettings;
    return (
      scale?.maxNodeCount === input.max_nodes &&
      (scale.minNodeCount ?? 0) === input.min_nodes &&
      durationToSeconds(scale.nodeIdleTimeBeforeScaleDown) === input.idle_seconds_before_scaledown
    );
  };
}

/** `action: provision`: at most one write, chosen by the plan; core polls the rest. */
export async function provision(ctx: StepContext<ProvisionInput>): Promise<StepResult> {
  const plan = ctx.plan ?? (await planProvision(ctx));
  const input = ctx.with; // core applied the schema defaults
  const name = ctx.step.name;
  if (input.admin_user_password !== undefined) ctx.secret(input.admin_user_password);
  const step = provisionStep(plan.state);
  // Core refuses blocked and replace-required plans before this hook runs.
  if (step === undefined) throw new Error(`provision cannot apply a '${plan.change}' plan`);
  const target = { name, minNodes: input.min_nodes, maxNodes: input.max_nodes, applied: scaleApplied(input) };
  // The PUT is body(): exactly what `provisionRequest` (the action's body) gives.
  const put = (location: string) => provisionRequest(input, ctx.bodyContext(location)).body as ComputeResource;
  const readiness = (verb: string) => clusterReadiness(`${verb} cluster ${name}`, target);
  switch (step.kind) {
    case "wait":
      return { operation: readiness(plan.change === "noop" ? "checking" : "waiting for"), changed: plan.change !== "noop" };
    case "create":
      await putCompute(ctx, name, put(step.location));
      return { operation: readiness("creating") };
    case "scale":
      await beginScale(ctx, name, scaleSettings(input));
      return { operation: readiness("scaling") };
    case "put":
      await putCompute(ctx, name, put(step.location));
      return { operation: readiness("updating") };
    case "replace": {
      await removeCompute(ctx, name, "Delete");
      const create = () => putCompute(ctx, name, put(step.location));
      return { operation: removeThenPut(name, `replacing compute ${name}`, create, readiness("creating")) };
    }
  }
}
