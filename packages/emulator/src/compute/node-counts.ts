import type { ComputeRecord, NodeRecord } from "../state/compute-record.js";
import { innerProps } from "../state/compute-record.js";

type NodeState = NodeRecord["nodeState"];

const COUNT_KEYS: Record<NodeState, string> = {
  idle: "idleNodeCount",
  running: "runningNodeCount",
  preparing: "preparingNodeCount",
  unusable: "unusableNodeCount",
  leaving: "leavingNodeCount",
  preempted: "preemptedNodeCount",
};

/** Writes currentNodeCount and nodeStateCounts from the record's nodes. */
export function refreshNodeCounts(record: ComputeRecord): void {
  const counts: Record<string, number> = Object.fromEntries(Object.values(COUNT_KEYS).map((k) => [k, 0]));
  for (const node of record.nodes) counts[COUNT_KEYS[node.nodeState]]! += 1;
  const inner = innerProps(record);
  inner.currentNodeCount = record.nodes.filter((n) => n.nodeState !== "leaving").length;
  inner.nodeStateCounts = counts;
}

export function newNode(record: ComputeRecord): NodeRecord {
  const n = ++record.nodeSeq;
  return {
    nodeId: `tvmps_${record.name.toLowerCase()}_${String(n).padStart(4, "0")}_d`,
    privateIpAddress: `10.0.${Math.floor(n / 250)}.${(n % 250) + 4}`,
    publicIpAddress: `20.61.${Math.floor(n / 250)}.${(n % 250) + 4}`,
    port: 50000 + n - 1,
    nodeState: "preparing",
  };
}
