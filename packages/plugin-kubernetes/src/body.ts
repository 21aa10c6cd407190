import type { ArmRequest, BodyContext } from "@computeflow/core";
import { computePath } from "@computeflow/compute-kit";
import type { AttachInput } from "./input.js";

/** The api-version of @azure/arm-machinelearning 2.1.1, the first that knows KubernetesCompute. */
export const KUBERNETES_API_VERSION = "2022-10-01";

/** The PUT body of a Kubernetes attach (stable/2022-10-01/examples/Compute/createOrUpdate/KubernetesCompute.json). */
export function kubernetesBody(input: AttachInput): Record<string, unknown> {
  const identity =
    input.identity_type === undefined
      ? undefined
      : { type: input.identity_type, ...(input.identity_id ? { userAssignedIdentities: Object.fromEntries(input.identity_id.map((id) => [id, {}])) } : {}) };
  return {
    ...(identity ? { identity } : {}),
    properties: {
      computeType: "Kubernetes",
      resourceId: input.resource_id,
      ...(input.description !== undefined ? { description: input.description } : {}),
      properties: { namespace: input.namespace },
    },
  };
}

/** A problem no schema can say: user-assigned ids only with UserAssigned. */
export function checkAttach(input: AttachInput): { path: string; message: string; hint?: string }[] {
  if (input.identity_id !== undefined && input.identity_type !== "UserAssigned") {
    return [{ path: "/identity_id", message: "identity_id applies only with identity_type: UserAssigned", hint: "set identity_type: UserAssigned, or remove identity_id" }];
  }
  return [];
}

/** `body(input)` of `action: attach`: the PUT apply sends (apply builds it here, so they cannot drift). */
export function attachRequest(input: AttachInput, ctx: BodyContext): ArmRequest {
  return { method: "PUT", path: computePath(ctx.workspace, ctx.computeName), apiVersion: KUBERNETES_API_VERSION, body: kubernetesBody(input) };
}
