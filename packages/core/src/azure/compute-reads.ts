import type { ComputeResource } from "@azure/arm-machinelearningservices";
import type { WorkspaceRef } from "../plugin.js";
import { listAll, ML_API_VERSION, replyJson, type ArmSender } from "./ml-rest.js";

// A workspace's computes, read as ARM's JSON (ml-rest.ts): the poller lists every workspace
// in flight on each tick, and the SDK's deserialiser cost about a sixth of a 60-step run's CPU.

function computesPath(workspace: WorkspaceRef): string {
  const part = encodeURIComponent;
  return `/subscriptions/${part(workspace.subscriptionId)}/resourceGroups/${part(workspace.resourceGroup)}/providers/Microsoft.MachineLearningServices/workspaces/${part(workspace.name)}/computes`;
}

/** Every compute of the workspace, following nextLink pages. */
export function listComputes(send: ArmSender, workspace: WorkspaceRef): Promise<ComputeResource[]> {
  return listAll<ComputeResource>(send, computesPath(workspace));
}

/** ARM path of a workspace compute: core's reads and every plugin's writes (PUT, DELETE, body()) use it. */
export function computePath(workspace: WorkspaceRef, name: string): string {
  return `${computesPath(workspace)}/${encodeURIComponent(name)}`;
}

/** One compute by name; undefined when the workspace has none by that name. */
export async function readCompute(send: ArmSender, workspace: WorkspaceRef, name: string): Promise<ComputeResource | undefined> {
  const reply = await send({ method: "GET", path: computePath(workspace, name), apiVersion: ML_API_VERSION });
  return reply.status === 404 ? undefined : (replyJson(reply) as ComputeResource);
}
