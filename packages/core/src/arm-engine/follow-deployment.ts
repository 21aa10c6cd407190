import type { DeploymentOperation } from "@azure/arm-resources";
import { ComputeflowError, ErrorCodes, type ArmErrorDetail } from "../errors.js";
import type { Operation, OperationStatus } from "../plugin.js";
import type { DeploymentClient } from "./deployment-client.js";
import { isActiveState } from "./deployment-client.js";

/** What the follower says about one step as the deployment's operations report it. */
export interface StepSignal {
  step: string;
  /** The compute the resource is, as the deployment names it. */
  compute: string;
  provisioningState: string;
  error?: ComputeflowError;
}

/**
 * The deployment as one Operation for the shared poller: each look reads the deployment and
 * its operations list (two requests through the gate, whatever the number of steps) and turns
 * every resource's state into a per-step signal.
 */
export function deploymentOperation(client: DeploymentClient, stepOfCompute: ReadonlyMap<string, string>, onStep: (signal: StepSignal) => void): Operation {
  const seen = new Map<string, string>();
  return {
    description: `ARM deployment ${client.name} in resource group ${client.workspace.resourceGroup}`,
    async check(): Promise<OperationStatus> {
      // The deployment first: operations read after it are at least as far along, so a
      // failed deployment's failed resource is always seen.
      const deployment = await client.get();
      const operations = await client.operations();
      for (const op of operations) {
        const compute = op.properties?.targetResource?.resourceName?.split("/").pop();
        const step = compute === undefined ? undefined : stepFor(stepOfCompute, compute.toLowerCase());
        const state = op.properties?.provisioningState ?? "Running";
        if (!step || seen.get(step) === state) continue;
        seen.set(step, state);
        onStep({ step, compute: compute!, provisioningState: state, ...(state === "Failed" ? { error: resourceFailure(client.name, step, op) } : {}) });
      }
      const state = deployment?.properties?.provisioningState;
      const done = operations.filter((o) => o.properties?.provisioningState === "Succeeded").length;
      const progress = { provisioningState: state ?? "Unknown", message: `${done}/${stepOfCompute.size} resources deployed` };
      if (deployment === undefined) return { done: true, error: new ComputeflowError({ code: ErrorCodes.NOT_FOUND, errorClass: "not-found", message: `deployment ${client.name} disappeared while it was followed` }) };
      if (isActiveState(state)) return { done: false, progress };
      if (state === "Succeeded") return { done: true, outputs: {}, progress };
      const arm = deployment.properties?.error as ArmErrorDetail | undefined;
      return {
        done: true,
        progress,
        error: new ComputeflowError({
          code: ErrorCodes.PROVISIONING_FAILED,
          errorClass: "validation",
          message: `deployment ${client.name} ended ${state}${arm ? `: ${arm.code}: ${arm.message}` : ""}`,
          ...(arm ? { arm: [arm] } : {}),
        }),
      };
    },
  };
}

function resourceFailure(deployment: string, step: string, op: DeploymentOperation): ComputeflowError {
  const error = (op.properties?.statusMessage as { error?: ArmErrorDetail } | undefined)?.error;
  const resource = op.properties?.targetResource?.resourceName ?? "?";
  return new ComputeflowError({
    code: ErrorCodes.PROVISIONING_FAILED,
    errorClass: "validation",
    message: `step ${step}: resource ${resource} of deployment ${deployment} failed${error ? `: ${error.code}: ${error.message}` : ""}`,
    hint: "fix the cause, then run again: the next deployment creates only what is missing",
    ...(error ? { arm: [error] } : {}),
  });
}

/** A compute is its step's name, or that name plus the suffix a plugin adds (instance `unique_name`). */
function stepFor(stepOfCompute: ReadonlyMap<string, string>, compute: string): string | undefined {
  const exact = stepOfCompute.get(compute);
  if (exact) return exact;
  const prefixes = [...stepOfCompute.keys()].filter((name) => compute.startsWith(name)).sort((a, b) => b.length - a.length);
  return prefixes[0] === undefined ? undefined : stepOfCompute.get(prefixes[0]);
}
