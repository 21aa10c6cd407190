import type { ComputeResource, Identity } from "@azure/arm-machinelearningservices";
import type { ArmRequest, BodyContext } from "@computeflow/core";
import type { ProvisionInput } from "./input.js";
import { secondsToDuration } from "./duration.js";
import { computePath, ML_API_VERSION, subnetResourceId } from "@computeflow/compute-kit";

export type ArmVmPriority = "Dedicated" | "LowPriority";

export function armPriority(priority: ProvisionInput["vm_priority"]): ArmVmPriority {
  return priority === "lowpriority" ? "LowPriority" : "Dedicated";
}

export function scaleSettings(input: ProvisionInput) {
  return {
    maxNodeCount: input.max_nodes,
    minNodeCount: input.min_nodes,
    nodeIdleTimeBeforeScaleDown: secondsToDuration(input.idle_seconds_before_scaledown),
  };
}

export function identityBody(input: Pick<ProvisionInput, "identity_type" | "identity_id">): Identity | undefined {
  if (input.identity_type === undefined) return undefined;
  if (input.identity_type === "SystemAssigned") return { type: "SystemAssigned" };
  return {
    type: "UserAssigned",
    userAssignedIdentities: Object.fromEntries((input.identity_id ?? []).map((id) => [id, {}])),
  };
}

function credentials(input: ProvisionInput) {
  if (input.admin_username === undefined) return undefined;
  return {
    adminUserName: input.admin_username,
    adminUserPassword: input.admin_user_password,
    adminUserSshPublicKey: input.admin_user_ssh_key,
  };
}

/** The PUT body the Python SDK would send, shaped like the REST examples (AmlCompute.json). */
export function provisionBody(input: ProvisionInput, subscriptionId: string, location: string): ComputeResource {
  const subnet = subnetResourceId(subscriptionId, input);
  return {
    location: input.location ?? location,
    tags: input.tags,
    identity: identityBody(input),
    properties: {
      computeType: "AmlCompute",
      description: input.description,
      properties: {
        vmSize: input.vm_size,
        vmPriority: armPriority(input.vm_priority),
        scaleSettings: scaleSettings(input),
        userAccountCredentials: credentials(input),
        subnet: subnet === undefined ? undefined : { id: subnet },
        remoteLoginPortPublicAccess: input.remote_login_port_public_access,
        enableNodePublicIp: input.enable_node_public_ip,
      },
    },
  };
}

/**
 * `body(input)` of `action: provision`: the PUT apply sends to create the cluster or update
 * it in place (apply builds its request here, so the two cannot drift). `ctx.location` is
 * where the cluster goes when `with.location` does not say: the workspace's region, or the
 * existing cluster's.
 */
export function provisionRequest(input: ProvisionInput, ctx: BodyContext): ArmRequest {
  return { method: "PUT", path: computePath(ctx.workspace, ctx.computeName), apiVersion: ML_API_VERSION, body: provisionBody(input, ctx.workspace.subscriptionId, ctx.location) };
}
