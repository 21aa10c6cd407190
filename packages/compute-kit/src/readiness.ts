import type { ComputeResource } from "@azure/arm-machinelearningservices";
import { unexpectedStateError, type ArmErrorDetail, type ComputeflowError, type Operation, type OperationStatus, type Outputs, type PollReader, type Progress } from "@computeflow/core";
import { provisioningDetails, provisioningFailure } from "./provisioning-failure.js";

/**
 * Where a compute's provisioning stands. ARM's ProvisioningState has three terminal values,
 * Succeeded, Failed and Canceled (azure-rest-api-specs, machinelearningservices
 * stable/2021-07-01 ComputeResource.properties.provisioningState); a Canceled create or
 * update never finishes, so it is a failure like Failed. Deleting means someone is removing
 * the compute we wait for.
 */
export type ProvisioningOutcome = "succeeded" | "failed" | "deleting" | "pending";

export function provisioningOutcome(compute: ComputeResource): ProvisioningOutcome {
  const state = compute.properties?.provisioningState;
  if (state === "Succeeded") return "succeeded";
  if (state === "Failed" || state === "Canceled") return "failed";
  if (state === "Deleting") return "deleting";
  return "pending";
}

/** What a compute kind adds to the shared readiness rules. */
export interface ReadinessRules {
  /** "cluster", "compute instance", "AKS compute": in messages. */
  kind: string;
  name: string;
  description: string;
  /** The step's outputs once ready. */
  outputs(compute: ComputeResource): Outputs;
  /** The progress the live view shows; defaults to the provisioning state. */
  progress?(compute: ComputeResource): Progress;
  /**
   * After Succeeded: done, failed, or still waiting (node counts, instance state). Defaults
   * to done with `outputs` of a fresh GET when `detailOutputs`, else of the listed compute.
   */
  settle?(compute: ComputeResource, reader: PollReader, progress: Progress): Promise<OperationStatus> | OperationStatus;
  /** Read the outputs from a fresh GET (fields the list omits). */
  detailOutputs?: boolean;
  /** A failure the kind sees before ARM does (an instance's SetupFailed state). */
  failedEarly?(compute: ComputeResource): boolean;
  /** Called on every look at the compute: a kind that must see a transition (a restart) records it here. */
  seen?(compute: ComputeResource): void;
  /** A state that leads away from the one wanted (an instance Stopping while we wait for Running). */
  leftFor?(compute: ComputeResource): string | undefined;
  /** The errors of a failed compute, read from the fresh GET; defaults to provisioningErrors. */
  errors?(compute: ComputeResource): ArmErrorDetail[];
  /** The error a failed compute becomes; defaults to {@link provisioningFailure}. */
  failure?(arm: ArmErrorDetail[]): ComputeflowError;
  /** The state `unexpectedStateError` names as wanted; defaults to Succeeded. */
  want?: string;
}

/**
 * Waits until the compute is Succeeded and settled; fails at once when it is Failed or
 * Canceled (with ARM's errors in full, from a fresh GET) or being deleted. The one readiness
 * every compute plugin uses, so none waits out its timeout on a canceled compute.
 */
export function untilReady(rules: ReadinessRules): Operation {
  return { description: rules.description, compute: rules.name, check: (reader) => readiness(reader, rules) };
}

/** One look at a compute with the readiness rules applied. */
export async function readiness(reader: PollReader, rules: ReadinessRules): Promise<OperationStatus> {
  const compute = await reader.compute(rules.name);
  if (!compute) return { done: false, progress: { message: `waiting for the ${rules.kind} to appear` } };
  rules.seen?.(compute);
  const progress = rules.progress?.(compute) ?? { provisioningState: compute.properties?.provisioningState ?? "Unknown" };
  const outcome = provisioningOutcome(compute);
  if (outcome === "failed" || rules.failedEarly?.(compute)) return failed(reader, rules, compute);
  const away = outcome === "deleting" ? "Deleting" : rules.leftFor?.(compute);
  if (away !== undefined) return { done: true, error: unexpectedStateError(`${rules.kind} ${rules.name}`, away, rules.want ?? "Succeeded") };
  if (outcome === "pending") return { done: false, progress };
  if (rules.settle) return rules.settle(compute, reader, progress);
  const source = rules.detailOutputs ? ((await reader.computeDetail(rules.name)) ?? compute) : compute;
  return { done: true, outputs: rules.outputs(source), progress };
}

async function failed(reader: PollReader, rules: ReadinessRules, listed: ComputeResource): Promise<OperationStatus> {
  const detail = (await reader.computeDetail(rules.name)) ?? listed;
  const arm = rules.errors?.(detail) ?? provisioningDetails(detail.properties?.provisioningErrors);
  const canceled = (detail.properties?.provisioningState ?? listed.properties?.provisioningState) === "Canceled" && arm.length === 0;
  const details = canceled ? [{ code: "Canceled", message: "the operation was canceled in Azure" }] : arm;
  return { done: true, error: rules.failure ? rules.failure(details) : provisioningFailure(rules.kind, rules.name, details) };
}
