import { ErrorCodes, type PlanEntry } from "@computeflow/core";
import type { ArmReply } from "@computeflow/compute-kit";
import { blocked } from "./plan-attach.js";

/** A resource GET that did not find the resource, as a blocked plan entry carrying ARM's message. */
export function missingResource(reply: ArmReply, what: string, hint: string): PlanEntry | undefined {
  if (!reply.error) return undefined;
  const code = reply.status === 404 ? ErrorCodes.NOT_FOUND : reply.status === 401 || reply.status === 403 ? ErrorCodes.AUTH : "E_VALIDATION";
  return blocked(code, `${what}: ${reply.error.code}: ${reply.error.message}`, hint);
}
