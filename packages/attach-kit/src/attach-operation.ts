import { ComputeflowError, describeAzureError, ErrorCodes, type Operation, type OperationStatus, type Outputs, type StepContext, type StepResult } from "@computeflow/core";
import { readiness, type ReadinessRules } from "@computeflow/compute-kit";
import { beginDetach } from "./detach.js";
import { outputsOf, type AttachPlanState } from "./plan-attach.js";

/**
 * Runs an attach step as planned: nothing (noop), one PUT (attach), a detach followed
 * by the PUT once the poller sees the old attachment gone (reattach), or only watching
 * an attach already in flight (wait: a resumed run never sends the PUT twice). `put` sends the one
 * write; core's poller drives the rest through `check`.
 */
export async function startAttach(ctx: StepContext<unknown>, state: AttachPlanState, put: () => Promise<void>, extraOutputs: Outputs = {}): Promise<StepResult> {
  if (state.mode === "noop" && state.outputs) return { outputs: { ...state.outputs, ...extraOutputs }, changed: false };
  const name = ctx.step.name;
  // extraOutputs (the pre-flight's findings) are known now: returned with the operation, core
  // journals them at once, so a run killed while the attach is polled keeps them for --resume.
  const known = Object.keys(extraOutputs).length > 0 ? { outputs: extraOutputs } : {};
  if (state.mode === "wait") return { ...known, operation: attachOperation(name, extraOutputs) };
  if (state.mode === "reattach" && state.detachFirst) {
    if (!state.detachStarted) await beginDetach(ctx, state.detachFirst);
    return { ...known, operation: attachOperation(name, extraOutputs, put, state.detachFirst) };
  }
  await sendPut(put, name);
  return { ...known, operation: attachOperation(name, extraOutputs) };
}

function attachOperation(name: string, extraOutputs: Outputs, put?: () => Promise<void>, detachFirst?: string): Operation {
  let waitingFor = detachFirst;
  return {
    description: detachFirst ? `reattaching compute ${name}` : `attaching compute ${name}`,
    compute: name,
    async check(reader): Promise<OperationStatus> {
      if (waitingFor !== undefined) {
        const old = await reader.compute(waitingFor);
        if (old) return { done: false, progress: { provisioningState: old.properties?.provisioningState, message: `detaching ${waitingFor}` } };
        waitingFor = undefined;
        try {
          await sendPut(put!, name);
        } catch (error) {
          return { done: true, error: describeAzureError(error, `attaching ${name}`) };
        }
        return { done: false, progress: { message: `attaching ${name}` } };
      }
      const status = await readiness(reader, attachReadiness(name));
      return status.done && "outputs" in status ? { ...status, outputs: { ...status.outputs, ...extraOutputs } } : status;
    },
  };
}

async function sendPut(put: () => Promise<void>, name: string): Promise<void> {
  try {
    await put();
  } catch (error) {
    throw describeAzureError(error, `attaching ${name}`);
  }
}

/** compute-kit's readiness: Succeeded publishes the outputs; Failed or Canceled fail the step at once. */
function attachReadiness(name: string): ReadinessRules {
  return {
    kind: "attached compute",
    name,
    description: `attaching compute ${name}`,
    outputs: outputsOf,
    progress: (compute) => ({ provisioningState: compute.properties?.provisioningState }),
    failure: (arm) =>
      new ComputeflowError({
        code: ErrorCodes.PROVISIONING_FAILED,
        errorClass: "validation",
        message: `attaching ${name} failed: ${arm[0] ? `${arm[0].code}: ${arm[0].message}` : "no reason given"}`,
        hint: "fix the cause, then run again with `reattach: true` (a failed attachment stays in the workspace)",
        arm,
      }),
  };
}
