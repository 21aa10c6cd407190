import type { EmulatorState } from "../state/emulator-state.js";
import { innerProps, type ComputeRecord } from "../state/compute-record.js";
import { isoDurationSeconds } from "./iso-duration.js";
import { newNode, refreshNodeCounts } from "./node-counts.js";

/** Moves an AmlCompute cluster one node per `resize` period towards `target`. */
export function scheduleResize(state: EmulatorState, record: ComputeRecord, target: number): void {
  const inner = innerProps(record);
  const gen = ++record.resizeGen;
  inner.targetNodeCount = target;
  const setAllocation = (value: "Steady" | "Resizing") => {
    if (inner.allocationState !== value) {
      inner.allocationState = value;
      inner.allocationStateTransitionTime = new Date(state.now()).toISOString();
    }
  };
  const step = () => {
    if (record.deleted || record.resizeGen !== gen) return;
    record.nodes = record.nodes.filter((n) => n.nodeState !== "leaving");
    for (const n of record.nodes) if (n.nodeState === "preparing") n.nodeState = "idle";
    const active = record.nodes.length;
    if (active < target) record.nodes.push(newNode(record));
    else if (active > target) {
      const idle = [...record.nodes].reverse().find((n) => n.nodeState === "idle") ?? record.nodes[record.nodes.length - 1]!;
      idle.nodeState = "leaving";
    }
    const moving = record.nodes.some((n) => n.nodeState === "preparing" || n.nodeState === "leaving");
    if (moving) {
      setAllocation("Resizing");
      state.after(state.world.durations.resize, step);
    } else setAllocation("Steady");
    refreshNodeCounts(record);
  };
  const current = record.nodes.filter((n) => n.nodeState !== "leaving").length;
  if (current === target && !record.nodes.some((n) => n.nodeState !== "idle" && n.nodeState !== "running")) {
    setAllocation("Steady");
    refreshNodeCounts(record);
    return;
  }
  setAllocation("Resizing");
  refreshNodeCounts(record);
  state.after(state.world.durations.resize, step);
}

/** Idle nodes above a lowered minimum leave after scaleSettings.nodeIdleTimeBeforeScaleDown. */
export function scheduleScaleDown(state: EmulatorState, record: ComputeRecord, target: number): void {
  const gen = ++record.resizeGen;
  const scale = innerProps(record).scaleSettings as { nodeIdleTimeBeforeScaleDown?: unknown } | undefined;
  const idle = isoDurationSeconds(scale?.nodeIdleTimeBeforeScaleDown) ?? 120;
  state.after(idle, () => {
    if (!record.deleted && record.resizeGen === gen) scheduleResize(state, record, target);
  });
}
