import { fail, type Reply } from "../arm/arm-error.js";
import type { RequestContext } from "../http/context.js";
import { computeType, innerProps, type ComputeRecord } from "../state/compute-record.js";
import { lroReply } from "../state/lro-reply.js";

export type PowerAction = "start" | "stop" | "restart";

interface Transition {
  from: string[];
  during: string;
  to: string;
  done: string[];
  name: "Start" | "Stop" | "Restart";
}

const TRANSITIONS: Record<PowerAction, Transition> = {
  start: { from: ["Stopped"], during: "Starting", to: "Running", done: ["Running"], name: "Start" },
  stop: { from: ["Running", "JobRunning"], during: "Stopping", to: "Stopped", done: ["Stopped"], name: "Stop" },
  restart: { from: ["Running", "JobRunning"], during: "Restarting", to: "Running", done: [], name: "Restart" },
};

/** start/stop/restart of a ComputeInstance: 202 + operation, state moving through Starting/Stopping/Restarting. */
export function powerAction(ctx: RequestContext, record: ComputeRecord, action: PowerAction): Reply {
  const { state } = ctx;
  if (computeType(record) !== "ComputeInstance") {
    fail(400, "BadRequest", `'${action}' is only supported for ComputeInstance; '${record.name}' is ${computeType(record)}.`);
  }
  const t = TRANSITIONS[action];
  const inner = innerProps(record);
  const current = String(inner.state);
  const d = state.world.durations;
  if (current === t.during && record.operation?.status === "InProgress") {
    return lroReply(202, undefined, record.operation, ctx.endpoint, state.ms(d.retry_after));
  }
  if (t.done.includes(current)) return { status: 200 };
  if (!t.from.includes(current)) {
    fail(409, "Conflict", `Cannot ${action} compute instance '${record.name}' while it is ${current}.`);
  }
  const op = state.operations.start(`computes.${action}`, String(record.body.id).split("/")[2]!, String(record.body.location), state.now());
  record.operation = op;
  inner.state = t.during;
  inner.lastOperation = { operationName: t.name, operationTime: new Date(state.now()).toISOString(), operationStatus: "InProgress", operationTrigger: "User" };
  state.after(d[action], () => {
    if (record.deleted || record.operation !== op) return;
    inner.state = t.to;
    inner.lastOperation = { ...(inner.lastOperation as object), operationStatus: "Succeeded" };
    state.operations.finish(op, state.now());
  });
  return lroReply(202, undefined, op, ctx.endpoint, state.ms(d.retry_after));
}
