import type { ComputeResource } from "@azure/arm-machinelearningservices";
import { unexpectedStateError, type ArmErrorDetail, type Operation, type OperationStatus, type Outputs, type PollReader, type StepContext } from "@computeflow/core";
import { provisioningDetails, provisioningFailure } from "@computeflow/plugin-amlcompute";
import { beginPower } from "./arm.js";
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

async function failure(reader: PollReader, name: string, listed: ComputeResource): Promise<OperationStatus> {
  const detail = (await reader.computeDetail(name)) ?? listed;
  return { done: true, error: provisioningFailure("compute instance", name, errorsOf(detail)) };
}

/**
 * Done when the instance reaches `want`. For a restart, `lastOperation` must say the
 * restart finished (or a non-Running state must have been seen), so the first look does
 * not mistake the old Running for the new one.
 */
export function instanceReadiness(description: string, name: string, want: "Running" | "Stopped", restartedAt?: Date): Operation {
  let left = restartedAt === undefined;
  return {
    description,
    compute: name,
    async check(reader) {
      const compute = await reader.compute(name);
      if (!compute) return { done: false, progress: { message: "waiting for the instance to appear" } };
      const props = instanceProps(compute);
      const progress = { provisioningState: compute.properties?.provisioningState, state: props.state };
      if (compute.properties?.provisioningState === "Failed" || FAILED_STATES.has(props.state ?? "")) return failure(reader, name, compute);
      const away = compute.properties?.provisioningState === "Deleting" ? "Deleting" : AWAY_FROM[want].has(props.state ?? "") ? props.state! : undefined;
      if (away) return { done: true, error: unexpectedStateError(`compute instance ${name}`, away, want) };
      const last = props.lastOperation;
      if (props.state !== "Running") left = true;
      const lastTime = last?.operationTime === undefined ? 0 : new Date(last.operationTime).getTime();
      if (restartedAt && last?.operationName === "Restart" && last.operationStatus === "Succeeded" && lastTime >= restartedAt.getTime() - 1000) left = true;
      if (props.state === want && left && compute.properties?.provisioningState === "Succeeded") {
        return { done: true, outputs: instanceOutputs(compute), progress };
      }
      return { done: false, progress };
    },
  };
}

/** `first`, then a start or stop once it is done, then readiness in the state that leads to. */
export function thenPower(ctx: StepContext<unknown>, name: string, first: Operation, action: "start" | "stop"): Operation {
  const second = instanceReadiness(`${action === "stop" ? "stopping" : "starting"} compute instance ${name}`, name, action === "stop" ? "Stopped" : "Running");
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
