import type { AmlComputeProperties, ComputeResource } from "@azure/arm-machinelearningservices";
import type { Operation, OperationStatus, Outputs, Progress } from "@computeflow/core";
import { provisioningFailure, untilReady } from "@computeflow/compute-kit";
import { clusterProps } from "./cluster-props.js";

export interface Target {
  name: string;
  minNodes: number;
  maxNodes: number;
  /** Extra condition for updates: the list may still show the old spec for a tick. */
  applied?(compute: ComputeResource): boolean;
}

export function clusterOutputs(compute: ComputeResource, props: AmlComputeProperties = clusterProps(compute)): Outputs {
  return {
    name: compute.name ?? "",
    id: compute.id ?? "",
    principal_id: compute.identity?.principalId ?? null,
    vm_size: props.vmSize ?? "",
    max_nodes: props.scaleSettings?.maxNodeCount ?? 0,
  };
}

function progressOf(compute: ComputeResource): Progress {
  const props = clusterProps(compute);
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

/** After Succeeded: min_nodes nodes idle or running, or the nodes' errors once allocation settled. */
function settle(target: Target, compute: ComputeResource, progress: Progress): OperationStatus {
  const props = clusterProps(compute);
  if (target.applied && !target.applied(compute)) return { done: false, progress };
  const ready = (progress.nodes?.idle ?? 0) + (progress.nodes?.running ?? 0);
  if (ready >= target.minNodes) return { done: true, outputs: clusterOutputs(compute, props), progress };
  if (props.allocationState === "Steady" && (props.errors?.length ?? 0) > 0) {
    const arm = (props.errors ?? []).map((e) => e.error).filter((e) => e !== undefined).map((e) => ({ code: e.code ?? "", message: e.message ?? "" }));
    return { done: true, error: provisioningFailure("cluster", target.name, arm) };
  }
  return { done: false, progress: { ...progress, message: `${ready}/${target.minNodes} nodes ready` } };
}

/** compute-kit's readiness (Failed and Canceled fail at once), then min_nodes nodes idle or running. */
export function clusterReadiness(description: string, target: Target): Operation {
  return untilReady({
    kind: "cluster",
    name: target.name,
    description,
    outputs: (compute) => clusterOutputs(compute),
    progress: progressOf,
    settle: (compute, _reader, progress) => settle(target, compute, progress),
  });
}
