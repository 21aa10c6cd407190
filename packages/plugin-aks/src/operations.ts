import { ComputeflowError, type Operation, type StepContext } from "@computeflow/core";
import { removeThenPut as removeAndPut, untilGone, untilReady as readyOperation, type ReadinessRules } from "@computeflow/compute-kit";
import { computeOutputs, viewOf } from "./compute-view.js";
import type { AksComputeBody } from "./body.js";
import { putCompute } from "./sdk.js";

const ERROR_HINT = "fix the cause, delete or detach the failed compute (computeflow destroy), then run again";

function readyRules(name: string, description: string): ReadinessRules {
  return {
    kind: "AKS compute",
    name,
    description,
    detailOutputs: true,
    outputs: (compute) => computeOutputs(name, viewOf(compute)),
    failure: (arm) =>
      new ComputeflowError({
        code: "E_PROVISIONING_FAILED",
        errorClass: "validation",
        message: `AKS compute ${name} failed: ${arm[0] ? `${arm[0].code}: ${arm[0].message}` : "no reason given"}`,
        hint: ERROR_HINT,
        arm,
      }),
  };
}

/** Waits until the compute is Succeeded (Failed or Canceled fail at once) and publishes its outputs. */
export function untilReady(name: string, description: string): Operation {
  return readyOperation(readyRules(name, description));
}

export { untilGone };

/**
 * Remove, then PUT again: Azure cannot change an attached cluster (TLS or any setting) in
 * place, nor an immutable property of a provisioned one. The hook started the detach or
 * delete; compute-kit sends the PUT once, after the poller sees the old compute gone.
 */
export function removeThenPut(ctx: StepContext<unknown>, body: AksComputeBody, description: string): Operation {
  return removeAndPut(ctx.step.name, description, () => putCompute(ctx, body), untilReady(ctx.step.name, description));
}
