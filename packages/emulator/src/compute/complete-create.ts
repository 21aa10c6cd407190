import type { ArmErrorBody } from "../arm/arm-error.js";
import type { EmulatorState, WorkspaceState } from "../state/emulator-state.js";
import { computeType, innerProps, type ComputeRecord } from "../state/compute-record.js";
import type { Operation } from "../state/operations.js";
import { scheduleResize } from "./scaling.js";

/** Schedules the end of a create or attach: Succeeded (nodes, Running ...) or Failed with provisioningErrors. */
export function scheduleCreate(state: EmulatorState, ws: WorkspaceState, record: ComputeRecord, op: Operation, error: ArmErrorBody | undefined, seconds: number, hang = false): void {
  if (hang) return;
  if (state.world.hanging_computes?.some((n) => n.toLowerCase() === record.name.toLowerCase())) return;
  state.after(seconds, () => {
    if (record.deleted || record.operation !== op) return;
    const props = record.body.properties;
    const type = computeType(record);
    props.modifiedOn = new Date(state.now()).toISOString();
    if (state.world.canceled_computes?.some((n) => n.toLowerCase() === record.name.toLowerCase())) {
      props.provisioningState = "Canceled";
      state.operations.cancel(op, state.now());
      return;
    }
    if (error) {
      props.provisioningState = "Failed";
      props.provisioningErrors = [{ error }];
      if (type === "ComputeInstance") {
        innerProps(record).state = "CreateFailed";
        innerProps(record).lastOperation = { ...(innerProps(record).lastOperation as object), operationStatus: "CreateFailed" };
      }
      state.operations.finish(op, state.now(), error);
      return;
    }
    props.provisioningState = "Succeeded";
    props.provisioningWarnings = {};
    if (type === "AmlCompute") {
      const inner = innerProps(record);
      if (inner.remoteLoginPortPublicAccess === "NotSpecified") inner.remoteLoginPortPublicAccess = inner.subnet ? "Disabled" : "Enabled";
      const scale = innerProps(record).scaleSettings as { minNodeCount?: number };
      scheduleResize(state, record, Number(scale.minNodeCount ?? 0));
    } else if (type === "ComputeInstance") {
      const inner = innerProps(record);
      inner.state = "Running";
      inner.lastOperation = { ...(inner.lastOperation as object), operationStatus: "Succeeded" };
      // Azure reads the instance's SSH key back as null once provisioned (recorded)
      inner.sshSettings = { ...(inner.sshSettings as object), adminPublicKey: null };
    }
    if (props.isAttachedCompute) breakEarlierAttachments(state, ws, record);
    state.operations.finish(op, state.now());
  });
}

/** The source document warns: a second attachment of the same resource breaks the first. */
function breakEarlierAttachments(state: EmulatorState, ws: WorkspaceState, record: ComputeRecord): void {
  const target = String(record.body.properties.resourceId).toLowerCase();
  for (const other of ws.computes.values()) {
    if (other === record || other.deleted) continue;
    if (String(other.body.properties.resourceId ?? "").toLowerCase() !== target) continue;
    other.body.properties.provisioningState = "Failed";
    other.body.properties.modifiedOn = new Date(state.now()).toISOString();
    other.body.properties.provisioningErrors = [{
      error: {
        code: "AttachmentBroken",
        message: `The resource '${String(record.body.properties.resourceId)}' was attached again as '${record.name}'; ` +
          `this attachment ('${other.name}') no longer works. Detach it and use '${record.name}'.`,
      },
    }];
  }
}
