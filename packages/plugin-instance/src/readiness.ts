import type { ComputeResource } from "@azure/arm-machinelearningservices";
import type { ArmErrorDetail, Operation, Outputs, StepContext } from "@computeflow/core";
import { provisioningDetails, untilReady } from "@computeflow/compute-kit";
import { beginPower } from "./sdk.js";
import { instanceProps } from "./instance-props.js";

const FAILED_STATES = new Set(["CreateFailed", "SetupFailed", "UserSetupFailed", "Unusable"]);
/** States that lead away from the one wanted: seeing one means someone else moved the instance. */
const AWAY_FROM = { Running: new Set(["Stopping", "Deleting"]), Stopped: new Set(["Starting", "Restarting", "Deleting"]) } as const;

export function instanceOutputs(compute: ComputeResource): Outputs {
  const props = instanceProps(compute);
  return {
    name: compute.name ?? "",
    id: compute.id ?? "",
    state: props.state ?? "",
    endpoints: (props.applications ?? []).map((app) => app.endpointUri).filter((uri): uri is string => uri !== undefined),
  };
}

function errorsOf(compute: ComputeResource): ArmErrorDetail[] {
  const fromInstance = provisioningDetails(instanceProps(compute).errors);
  return fromInstance.length > 0 ? fromInstance : provisioningDetails(compute.properties?.provisioningErrors);
}

/**
 * compute-kit's readiness (Failed and Canceled fail at once) with the instance's own states:
 * done when the instance reaches `want`; a state leading away from it fails at once, and so
 * does Stopped while waiting for Running unless `startedHere` (this step sent the start: the
 * instance may not have left Stopped yet). For a restart, `lastOperation` must say the restart
 * finished (or a non-Running state must have been seen), so the first look does not mistake
 * the old Running for the new one.
 */
export function instanceReadiness(description: string, name: string, want: "Running" | "Stopped", restartedAt?: Date, startedHere = restartedAt !== undefined): Operation {
  let left = restartedAt === undefined;
  return untilReady({
    kind: "compute instance",
    name,
    description,
    want,
    outputs: instanceOutputs,
    progress: (compute) => ({ provisioningState: compute.properties?.provisioningState, state: instanceProps(compute).state }),
    failedEarly: (compute) => FAILED_STATES.has(instanceProps(compute).state ?? ""),
    errors: errorsOf,
    leftFor: (compute) => {
      const state = instanceProps(compute).state;
      // Waiting for Running without having asked for a start: Stopped means someone stopped it, and nothing will start it.
      const stoppedAway = want === "Running" && state === "Stopped" && !startedHere;
      return AWAY_FROM[want].has(state ?? "") || stoppedAway ? state : undefined;
    },
    seen: (compute) => {
      const props = instanceProps(compute);
      const last = props.lastOperation;
      if (props.state !== "Running") left = true;
      const lastTime = last?.operationTime === undefined ? 0 : new Date(last.operationTime).getTime();
      if (restartedAt && last?.operationName === "Restart" && last.operationStatus === "Succeeded" && lastTime >= restartedAt.getTime() - 1000) left = true;
    },
    settle: (compute, _reader, progress) => (instanceProps(compute).state === want && left ? { done: true, outputs: instanceOutputs(compute), progress } : { done: false, progress }),
  });
}

/** `first`, then a start or stop once it is done, then readiness in the state that leads to. */
export function thenPower(ctx: StepContext<unknown>, name: string, first: Operation, action: "start" | "stop"): Operation {
  const second = instanceReadiness(`${action === "stop" ? "stopping" : "starting"} compute instance ${name}`, name, action === "stop" ? "Stopped" : "Running", undefined, true);
  let firstDone = false;
  return {
    description: `${first.description}, then ${action === "stop" ? "stopping" : "starting"} it`,
    compute: name,
    async check(reader) {
      if (firstDone) return second.check(reader);
      const status = await first.check(reader);
      if (!status.done || "error" in status) return status;
      await beginPower(ctx, name, action);
      firstDone = true;
      return { done: false, progress: { message: `${action === "stop" ? "stopping" : "starting"} the instance` } };
    },
  };
}
