import { fail, type Reply } from "../arm/arm-error.js";
import { isoDurationSeconds } from "../compute/iso-duration.js";
import type { RequestContext } from "../http/context.js";
import { computeType, innerProps, type Json } from "../state/compute-record.js";
import { requireCompute } from "./lookup.js";

function requireInstance(ctx: RequestContext) {
  const [, record] = requireCompute(ctx);
  if (computeType(record) !== "ComputeInstance") fail(400, "BadRequest", `Compute '${record.name}' is a ${computeType(record)} compute; only compute instances have this setting.`);
  return record;
}

/** Adds what the service adds to each stored schedule: an id and its provisioning status. */
export function storedSchedules(schedules: unknown, name: string): Json {
  const list = ((schedules as Json | undefined)?.computeStartStop ?? []) as Json[];
  if (!Array.isArray(list)) fail(400, "InvalidRequestContent", "computeStartStop must be a list.");
  return { computeStartStop: list.map((s, i) => ({ ...s, id: `${name}-schedule-${i}`, provisioningStatus: "Completed" })) };
}

/** POST .../updateSchedules (2022-10-01): replaces the instance's start/stop schedules in place. */
export function updateSchedules(ctx: RequestContext): Reply {
  const record = requireInstance(ctx);
  innerProps(record).schedules = storedSchedules(ctx.body, record.name);
  return { status: 200, body: {} };
}

/** POST .../updateIdleShutdownSetting (2023-04-01): ISO 8601, at least 15 minutes. */
export function updateIdleShutdown(ctx: RequestContext): Reply {
  const record = requireInstance(ctx);
  const value = (ctx.body as Json | undefined)?.idleTimeBeforeShutdown;
  const seconds = isoDurationSeconds(value);
  if (seconds === undefined || seconds < 15 * 60) fail(400, "BadRequest", `idleTimeBeforeShutdown must be an ISO 8601 duration of at least PT15M (got ${JSON.stringify(value)}).`);
  innerProps(record).idleTimeBeforeShutdown = value;
  return { status: 200, body: {} };
}
