import { fail, type Reply } from "../arm/arm-error.js";
import type { RequestContext } from "../http/context.js";
import { computeType, innerProps, type ComputeRecord, type Json } from "../state/compute-record.js";
import { lroReply } from "../state/lro-reply.js";
import { IMMUTABLE_PROPERTIES, type ComputeTypeName } from "./compute-rules.js";
import { splitSecrets } from "./secrets.js";
import { withPrincipal } from "./build-compute.js";
import { scheduleResize, scheduleScaleDown } from "./scaling.js";
import { pendingView } from "./pending-view.js";
import { computeAt } from "./api-version-fields.js";

const same = (a: unknown, b: unknown) =>
  typeof a === "string" && typeof b === "string" ? a.toLowerCase() === b.toLowerCase() : JSON.stringify(a) === JSON.stringify(b);

function immutable(path: string, from: unknown, to: unknown, name: string): never {
  fail(409, "PropertyChangeNotAllowed",
    `Changing property '${path}' is not allowed on existing compute '${name}' (from ${JSON.stringify(from)} to ${JSON.stringify(to)}). ` +
    "Delete the compute and create it again to change it.", path);
}

/** PUT on an existing compute: reject immutable changes, apply the rest as an update. */
export function updateCompute(ctx: RequestContext, record: ComputeRecord, input: Json): Reply {
  const { state } = ctx;
  const props = (input.properties ?? {}) as Json;
  const type = computeType(record) as ComputeTypeName;
  if (props.computeType !== type) immutable("properties.computeType", type, props.computeType, record.name);
  const oldRid = record.body.properties.resourceId;
  if (props.resourceId != null && oldRid != null && !same(props.resourceId, oldRid)) {
    immutable("properties.resourceId", oldRid, props.resourceId, record.name);
  }
  const { visible } = splitSecrets((props.properties ?? {}) as Json);
  const inner = innerProps(record);
  for (const key of IMMUTABLE_PROPERTIES[type] ?? []) {
    if (visible[key] !== undefined && !same(visible[key], inner[key])) immutable(`properties.properties.${key}`, inner[key], visible[key], record.name);
  }
  const d = state.world.durations;
  const current = record.operation;
  if (record.body.properties.provisioningState === "Deleting") {
    fail(409, "Conflict", `Compute '${record.name}' is being deleted; wait for the delete to finish.`);
  }
  if (current && current.status === "InProgress") {
    // a PUT while the last one runs joins it; Azure answers every PUT on a compute with 201
    return lroReply(201, record.body, current, ctx.endpoint, state.ms(d.retry_after));
  }
  if (props.description !== undefined) record.body.properties.description = props.description;
  if (input.tags !== undefined) record.body.tags = input.tags;
  if (input.identity !== undefined) record.body.identity = withPrincipal(input.identity as Json, state.world.tenant_id);
  const oldMin = (inner.scaleSettings as Json | undefined)?.minNodeCount;
  if (type === "AmlCompute" && visible.scaleSettings) inner.scaleSettings = { ...(inner.scaleSettings as Json), ...(visible.scaleSettings as Json) };
  // An AKS compute's TLS and load balancer settings are updated in place by a PUT.
  if (type === "AKS") Object.assign(inner, visible);
  // Azure answers a PUT on an existing compute as a new create: 201 Creating (recorded)
  return startUpdate(ctx, record, oldMin, { status: 201, provisioningState: "Creating", sent: visible, sentTags: input.tags });
}

export interface UpdateAnswer {
  /** 201 for a PUT on an existing compute, 202 for a PATCH (both recorded). */
  status: 201 | 202;
  provisioningState: "Creating" | "Updating";
  sent: Json;
  sentTags?: unknown;
}

export function startUpdate(ctx: RequestContext, record: ComputeRecord, oldMin: unknown, answer: UpdateAnswer): Reply {
  const { state } = ctx;
  const d = state.world.durations;
  const ws = String(record.body.id).split("/");
  const op = state.operations.start("computes.update", ws[2]!, String(record.body.location), state.now());
  record.operation = op;
  record.body.properties.provisioningState = answer.provisioningState;
  record.body.properties.modifiedOn = new Date(state.now()).toISOString();
  state.after(d.update, () => {
    if (record.deleted || record.operation !== op) return;
    record.body.properties.provisioningState = "Succeeded";
    const min = Number((innerProps(record).scaleSettings as Json | undefined)?.minNodeCount ?? 0);
    const max = Number((innerProps(record).scaleSettings as Json | undefined)?.maxNodeCount ?? 0);
    const current = record.nodes.filter((n) => n.nodeState !== "leaving").length;
    if (computeType(record) === "AmlCompute") {
      if (current > max) scheduleResize(state, record, Math.max(min, max));
      else if (current < min) scheduleResize(state, record, min);
      else if (min !== oldMin && current > min) scheduleScaleDown(state, record, min);
    }
    state.operations.finish(op, state.now());
  });
  const view = computeAt(pendingView(record, { created: false, sent: answer.sent, sentTags: answer.sentTags }), ctx.url.searchParams.get("api-version") ?? "2021-07-01");
  return lroReply(answer.status, view, op, ctx.endpoint, state.ms(d.retry_after));
}
