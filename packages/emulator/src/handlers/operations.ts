import { fail, type Reply } from "../arm/arm-error.js";
import type { RequestContext } from "../http/context.js";
import { retryAfterHeaders } from "../state/lro-reply.js";
import type { Operation } from "../state/operations.js";

function requireOperation(ctx: RequestContext): Operation {
  const op = ctx.state.operations.get(ctx.params.operationId ?? "");
  if (!op) fail(404, "OperationNotFound", `The operation '${ctx.params.operationId}' was not found.`);
  return op;
}

/** GET of the Azure-AsyncOperation URL. */
export function getOperationStatus(ctx: RequestContext): Reply {
  const op = requireOperation(ctx);
  // Azure's body: {status} while running, {status, percentComplete: 100} once Succeeded.
  const body: Record<string, unknown> = { status: op.status };
  if (op.status === "Succeeded") body.percentComplete = 100;
  if (op.error) body.error = op.error;
  const headers = op.status === "InProgress" ? retryAfterHeaders(ctx.state.ms(ctx.state.world.durations.retry_after)) : undefined;
  return headers ? { status: 200, body, headers } : { status: 200, body };
}

/** GET of the Location URL: 202 while running, then the final result. */
export function getOperationResult(ctx: RequestContext): Reply {
  const op = requireOperation(ctx);
  if (op.status === "InProgress") {
    return { status: 202, headers: { Location: ctx.url.href, ...retryAfterHeaders(ctx.state.ms(ctx.state.world.durations.retry_after)) } };
  }
  if (op.status === "Succeeded") return { status: 200, body: {} };
  return { status: op.failureStatus ?? 400, body: { error: op.error } };
}
