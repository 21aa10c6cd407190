import { fail, type Reply } from "../arm/arm-error.js";
import { idKey } from "../arm/arm-id.js";
import type { RequestContext } from "../http/context.js";
import { computeType, innerProps } from "../state/compute-record.js";
import { lroReply } from "../state/lro-reply.js";
import { findCompute, requireWorkspace } from "./lookup.js";

/** DELETE ?underlyingResourceAction=Delete|Detach; Delete on an attached compute also deletes the resource. */
export function deleteCompute(ctx: RequestContext): Reply {
  const ws = requireWorkspace(ctx);
  const { state } = ctx;
  // azureml-core sends it in lower case ("detach"); ARM enum values are case-insensitive
  const raw = ctx.url.searchParams.get("underlyingResourceAction");
  const action = raw === null ? null : ({ delete: "Delete", detach: "Detach" } as Record<string, string>)[raw.toLowerCase()] ?? raw;
  if (action === null) {
    fail(400, "MissingQueryParameter", "The query parameter 'underlyingResourceAction' is required (Delete or Detach).");
  }
  if (action !== "Delete" && action !== "Detach") {
    fail(400, "InvalidQueryParameterValue", `underlyingResourceAction '${action}' is invalid: use Delete or Detach.`);
  }
  const record = findCompute(ws, ctx.params.computeName ?? "");
  if (!record) return { status: 204 };
  const attached = record.body.properties.isAttachedCompute === true;
  if (action === "Detach" && !attached) {
    fail(400, "BadRequest", `Compute '${record.name}' was created by Azure Machine Learning (${computeType(record)}); it cannot be detached, only deleted.`);
  }
  const d = state.world.durations;
  if (record.body.properties.provisioningState === "Deleting" && record.operation?.status === "InProgress") {
    return lroReply(202, undefined, record.operation, ctx.endpoint, state.ms(d.retry_after));
  }
  const op = state.operations.start("computes.delete", ws.subscription, ws.location, state.now());
  if (record.operation?.status === "InProgress") state.operations.cancel(record.operation, state.now());
  record.operation = op;
  record.resizeGen++;
  record.body.properties.provisioningState = "Deleting";
  if (computeType(record) === "ComputeInstance") innerProps(record).state = "Deleting";
  state.after(attached ? d.attach : d.delete, () => {
    record.deleted = true;
    if (ws.computes.get(record.name.toLowerCase()) === record) ws.computes.delete(record.name.toLowerCase());
    if (attached && action === "Delete") state.resources.delete(idKey(String(record.body.properties.resourceId)));
    state.operations.finish(op, state.now());
  });
  return lroReply(202, undefined, op, ctx.endpoint, state.ms(d.retry_after));
}
