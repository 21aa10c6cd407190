import type { ComputeResource } from "@azure/arm-machinelearningservices";
import type { ArmSend, ArmSendReply, WorkspaceRef } from "../plugin.js";
import { classifyAzureError } from "./classify-error.js";

/** Sends one raw ARM request through the run's pipeline (AzureAccess.send). */
export type ArmSender = (request: ArmSend) => Promise<ArmSendReply>;

/** The api-version the shared ML client (@azure/arm-machinelearningservices 5.0.1) reads computes with. */
const ML_API_VERSION = "2021-07-01";

// A workspace's computes are read as ARM's JSON, not through the SDK's computeOperations: the
// poller lists every workspace in flight on each tick, and the SDK's deserialiser walked every
// compute of every list through its models (about a sixth of a 60-step run's CPU). The objects
// are the same but for date-time fields, which stay ISO strings instead of becoming Date
// objects (the SDK's mappers rename no field of a compute).

function computesPath(workspace: WorkspaceRef): string {
  const part = encodeURIComponent;
  return `/subscriptions/${part(workspace.subscriptionId)}/resourceGroups/${part(workspace.resourceGroup)}/providers/Microsoft.MachineLearningServices/workspaces/${part(workspace.name)}/computes`;
}

/** Every compute of the workspace, following nextLink pages. */
export async function listComputes(send: ArmSender, workspace: WorkspaceRef): Promise<ComputeResource[]> {
  const all: ComputeResource[] = [];
  let request: ArmSend | undefined = { method: "GET", path: computesPath(workspace), apiVersion: ML_API_VERSION };
  while (request) {
    const page = parsed(await send(request)) as { value?: ComputeResource[]; nextLink?: string | null };
    all.push(...(page.value ?? []));
    request = page.nextLink ? nextPage(page.nextLink) : undefined;
  }
  return all;
}

/** One compute by name; undefined when the workspace has none by that name. */
export async function readCompute(send: ArmSender, workspace: WorkspaceRef, name: string): Promise<ComputeResource | undefined> {
  const reply = await send({ method: "GET", path: `${computesPath(workspace)}/${encodeURIComponent(name)}`, apiVersion: ML_API_VERSION });
  return reply.status === 404 ? undefined : (parsed(reply) as ComputeResource);
}

/** ARM's nextLink is a whole URL: its path and query become the next request. */
function nextPage(link: string): ArmSend {
  const url = new URL(link);
  const query = Object.fromEntries([...url.searchParams].filter(([key]) => key !== "api-version"));
  return { method: "GET", path: url.pathname, apiVersion: url.searchParams.get("api-version") ?? ML_API_VERSION, query };
}

/** The reply's JSON, or the error the SDK would have raised for it, classified. */
function parsed(reply: ArmSendReply): unknown {
  if (reply.status >= 400) throw classifyAzureError({ statusCode: reply.status, body: reply.bodyAsText, message: `HTTP ${reply.status}` });
  return reply.bodyAsText ? JSON.parse(reply.bodyAsText) : {};
}
