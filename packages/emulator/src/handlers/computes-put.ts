import { fail, type Reply } from "../arm/arm-error.js";
import { computeAt, createBodyAt } from "../compute/api-version-fields.js";
import { buildCompute } from "../compute/build-compute.js";
import { checkComputeName, checkComputeType } from "../compute/compute-rules.js";
import { scheduleCreate } from "../compute/complete-create.js";
import { updateCompute } from "../compute/update-compute.js";
import { validateCreate } from "../compute/validate-create.js";
import type { RequestContext } from "../http/context.js";
import type { Json } from "../state/compute-record.js";
import { lroReply } from "../state/lro-reply.js";
import { storedSchedules } from "./instance-settings.js";
import { pendingView } from "../compute/pending-view.js";
import { findCompute, requireWorkspace } from "./lookup.js";

export function putCompute(ctx: RequestContext): Reply {
  const ws = requireWorkspace(ctx);
  const name = ctx.params.computeName!;
  const raw = (ctx.body ?? {}) as Json;
  if (typeof raw !== "object" || Array.isArray(raw)) fail(400, "InvalidRequestContent", "The request body must be a JSON object.");
  const version = ctx.url.searchParams.get("api-version") ?? "2021-07-01";
  const input = createBodyAt(raw, version);
  const type = ((input.properties ?? {}) as Json).computeType;
  checkComputeType(type);
  checkComputeName(name, type);
  const { state } = ctx;
  const existing = findCompute(ws, name);
  if (existing && existing.body.properties.provisioningState !== "Failed") return updateCompute(ctx, existing, input);
  const record = buildCompute(ws, name, input, state.world.tenant_id, state.now());
  const inner = record.body.properties.properties;
  if (inner?.schedules !== undefined) inner.schedules = storedSchedules(inner.schedules, name);
  const validated = validateCreate(state, ws, record, type);
  const error = ctx.operationFault === "fail"
    ? { code: "InternalServerError", message: `Provisioning of compute '${name}' failed because of an internal error. Please try again.` }
    : validated;
  if (existing) existing.deleted = true;
  ws.computes.set(name.toLowerCase(), record);
  const op = state.operations.start("computes.create", ws.subscription, ws.location, state.now());
  record.operation = op;
  const d = state.world.durations;
  const seconds = state.world.create_durations?.[type] ?? (record.body.properties.isAttachedCompute ? d.attach : d.create);
  scheduleCreate(state, ws, record, op, error, seconds, ctx.operationFault === "hang");
  const sent = ((input.properties ?? {}) as Json).properties as Json | undefined;
  const view = computeAt(pendingView(record, { created: true, sent: sent ?? {}, sentTags: input.tags }), version);
  const reply = lroReply(201, view, op, ctx.endpoint, state.ms(d.retry_after));
  return existing ? reply : { ...reply, created: true };
}
