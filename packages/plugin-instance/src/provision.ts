import { classifyAzureError, ComputeflowError } from "@computeflow/core";
import type { StepContext, StepResult } from "@computeflow/core";
import { putCompute, removeCompute, removeThenPut } from "@computeflow/compute-kit";
import { instanceBody, provisionRequest } from "./body.js";
import { beginPower, sendCreate, updateSettings } from "./sdk.js";
import type { InstanceStep } from "./plan-provision.js";
import { instanceInput, planProvision } from "./plan-provision.js";
import { instanceReadiness, thenPower } from "./readiness.js";

/** Sends the action's body (the create request); the region-wide name rule as ARM reports it becomes a clear conflict. */
async function create(ctx: StepContext<unknown>, step: InstanceStep): Promise<void> {
  const input = instanceInput(ctx);
  const request = provisionRequest(input, { ...ctx.bodyContext(step.location), workspaceId: step.workspaceId });
  try {
    await sendCreate(ctx, step.name, request, input);
  } catch (error) {
    const arm = classifyAzureError(error).arm?.[0];
    if (arm?.code !== "ComputeInstanceNameNotAvailable") throw error;
    throw new ComputeflowError({
      code: "E_CONFLICT",
      errorClass: "validation",
      retryable: false,
      message: `compute instance name ${step.name} is taken in ${step.location}: ${arm.message}`,
      hint: "choose another name, or set unique_name: true to add a suffix from the workspace id",
      arm: [arm],
      cause: error,
    });
  }
}

/** `action: provision`: get-or-create, one write at most; readiness is state Running. */
export async function provision(ctx: StepContext<unknown>): Promise<StepResult> {
  const plan = ctx.plan ?? (await planProvision(ctx));
  const step = plan.state as InstanceStep | undefined;
  // Core refuses blocked and replace-required plans before this hook runs.
  if (step === undefined) throw new Error(`provision cannot apply a '${plan.change}' plan`);
  const want = step.want ?? "Running";
  const ready = (verb: string, state: "Running" | "Stopped" = want) => instanceReadiness(`${verb} compute instance ${step.name}`, step.name, state);
  // A new instance comes up Running; `state: stopped` stops it once it is.
  const created = (verb: string) => (want === "Stopped" ? thenPower(ctx, step.name, ready(verb, "Running"), "stop") : ready(verb));
  // An update keeps the power state the instance was in; a start or stop follows if `state` wants another.
  const keep = (verb: string) => {
    const now = step.now ?? "Running";
    return now === want ? ready(verb, now) : thenPower(ctx, step.name, ready(verb, now), want === "Stopped" ? "stop" : "start");
  };
  switch (step.kind) {
    case "wait":
      return { operation: ready(plan.change === "noop" ? "checking" : "waiting for"), changed: plan.change !== "noop" };
    case "create":
      await create(ctx, step);
      return { operation: created("creating") };
    case "put": {
      // In place at 2021-07-01: the body's own settings; the newer ones change through their POSTs.
      await putCompute(ctx, step.name, instanceBody(instanceInput(ctx), ctx.azure.subscriptionId, step.location));
      await updateSettings(ctx, step.name, instanceInput(ctx), step.updates ?? []);
      return { operation: keep("updating") };
    }
    case "settings":
      await updateSettings(ctx, step.name, instanceInput(ctx), step.updates ?? []);
      return { operation: keep("updating") };
    case "start":
    case "stop":
      await beginPower(ctx, step.name, step.kind);
      return { operation: step.kind === "start" ? instanceReadiness(`starting compute instance ${step.name}`, step.name, "Running", undefined, true) : ready("stopping") };
    case "replace":
      await removeCompute(ctx, step.name, "Delete");
      return { operation: removeThenPut(step.name, `replacing compute ${step.name}`, () => create(ctx, step), created("creating")) };
  }
}
