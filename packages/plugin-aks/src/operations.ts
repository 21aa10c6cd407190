import { ComputeflowError, type Operation, type OperationStatus, type PollReader, type StepContext } from "@computeflow/core";
import { computeOutputs, viewOf } from "./compute-view.js";
import type { AksComputeBody } from "./payload.js";
import { putCompute } from "./sdk.js";

async function readiness(reader: PollReader, name: string): Promise<OperationStatus> {
  const listed = await reader.compute(name);
  if (listed === undefined) return { done: false, progress: { message: "waiting for the compute to appear" } };
  const view = viewOf(listed);
  const progress = { provisioningState: view.provisioningState ?? "Unknown" };
  if (view.provisioningState === "Failed") {
    const first = view.errors[0];
    return {
      done: true,
      error: new ComputeflowError({
        code: "E_PROVISIONING_FAILED",
        errorClass: "validation",
        message: `AKS compute ${name} failed: ${first ? `${first.code}: ${first.message}` : "no reason given"}`,
        hint: "fix the cause, delete or detach the failed compute (computeflow destroy), then run again",
        arm: view.errors,
      }),
    };
  }
  if (view.provisioningState !== "Succeeded") return { done: false, progress };
  return { done: true, outputs: computeOutputs(name, viewOf((await reader.computeDetail(name)) ?? listed)), progress };
}

/** Waits until the compute is Succeeded (or Failed) and publishes its outputs. */
export function untilReady(name: string, description: string): Operation {
  return { description, compute: name, check: (reader) => readiness(reader, name) };
}

/** Waits until the compute is gone from the workspace. */
export function untilGone(name: string, description: string): Operation {
  return {
    description,
    compute: name,
    async check(reader) {
      const listed = await reader.compute(name);
      if (listed === undefined) return { done: true, outputs: { name } };
      return { done: false, progress: { provisioningState: viewOf(listed).provisioningState ?? "Deleting" } };
    },
  };
}

/**
 * Remove, then PUT again: Azure cannot change an attached cluster (TLS or any setting) in
 * place, nor an immutable property of a provisioned one. The hook started the detach or
 * delete; the PUT is sent once, from the first check that sees the old compute gone.
 */
export function removeThenPut(ctx: StepContext<unknown>, body: AksComputeBody, description: string): Operation {
  const name = ctx.step.name;
  let putSent = false;
  return {
    description,
    compute: name,
    async check(reader) {
      if (putSent) return readiness(reader, name);
      if ((await reader.compute(name)) !== undefined) return { done: false, progress: { message: "removing the old compute" } };
      putSent = true;
      await putCompute(ctx, body);
      return { done: false, progress: { message: "sending the new settings" } };
    },
  };
}
