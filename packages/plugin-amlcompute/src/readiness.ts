import type { AmlComputeProperties, ComputeResource } from "@azure/arm-machinelearningservices";
import type { Operation, OperationStatus, Outputs, PollReader, Progress } from "@computeflow/core";
import { ComputeflowError, unexpectedStateError } from "@computeflow/core";
import { provisioningDetails, provisioningFailure } from "./arm-error.js";
import { clusterProps } from "./cluster-props.js";

export interface Target {
  name: string;
  minNodes: number;
  maxNodes: number;
  /** Extra condition for updates: the list may still show the old spec for a tick. */
  applied?(compute: ComputeResource): boolean;
}

export function clusterOutputs(compute: ComputeResource, props: AmlComputeProperties): Outputs {
  return {
    name: compute.name ?? "",
    id: compute.id ?? "",
    principal_id: compute.identity?.principalId ?? null,
    vm_size: props.vmSize ?? "",
    max_nodes: props.scaleSettings?.maxNodeCount ?? 0,
  };
}

function progressOf(compute: ComputeResource, props: AmlComputeProperties): Progress {
  const counts = props.nodeStateCounts;
  return {
    provisioningState: compute.properties?.provisioningState,
    state: props.allocationState,
    nodes: {
      current: props.currentNodeCount,
      target: props.targetNodeCount,
      idle: counts?.idleNodeCount,
      running: counts?.runningNodeCount,
      preparing: counts?.preparingNodeCount,
      leaving: counts?.leavingNodeCount,
      unusable: counts?.unusableNodeCount,
    },
  };
}

async function failed(reader: PollReader, target: Target, listed: ComputeResource): Promise<OperationStatus> {
  const detail = (await reader.computeDetail(target.name)) ?? listed;
  return { done: true, error: provisioningFailure("cluster", target.name, provisioningDetails(detail.properties?.provisioningErrors)) };
}

function nodeErrors(target: Target, props: AmlComputeProperties): ComputeflowError {
  const arm = (props.errors ?? []).map((e) => e.error).filter((e) => e !== undefined).map((e) => ({ code: e.code ?? "", message: e.message ?? "" }));
  return provisioningFailure("cluster", target.name, arm);
}

/** Done when provisioningState is Succeeded and min_nodes nodes are idle or running. */
export function clusterReadiness(description: string, target: Target): Operation {
  return {
    description,
    compute: target.name,
    async check(reader) {
      const compute = await reader.compute(target.name);
      if (!compute) return { done: false, progress: { message: "waiting for the cluster to appear" } };
      const props = clusterProps(compute);
      const progress = progressOf(compute, props);
      const state = compute.properties?.provisioningState;
      if (state === "Failed" || state === "Canceled") return failed(reader, target, compute);
      if (state === "Deleting") return { done: true, error: unexpectedStateError(`cluster ${target.name}`, state, "Succeeded") };
      if (state !== "Succeeded" || (target.applied && !target.applied(compute))) return { done: false, progress };
      const ready = (progress.nodes?.idle ?? 0) + (progress.nodes?.running ?? 0);
      if (ready >= target.minNodes) return { done: true, outputs: clusterOutputs(compute, props), progress };
      if (props.allocationState === "Steady" && (props.errors?.length ?? 0) > 0) return { done: true, error: nodeErrors(target, props) };
      return { done: false, progress: { ...progress, message: `${ready}/${target.minNodes} nodes ready` } };
    },
  };
}
