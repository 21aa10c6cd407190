import type { PipelinePolicy, PipelineRequest, PipelineResponse } from "@azure/core-rest-pipeline";
import type { AzureMachineLearningWorkspaces } from "@azure/arm-machinelearningservices";
import type { AzureAccess, WorkspaceRef } from "../plugin.js";
import { sendThrough } from "../azure/send-request.js";

/** A write a plugin's action hook made, as it would have gone on the wire. */
export interface CapturedWrite {
  method: string;
  /** Path without the endpoint and query. */
  path: string;
  apiVersion: string | undefined;
  /** The request body exactly as the SDK serialised it. */
  bodyText: string | undefined;
}

const WRITE = new Set(["PUT", "PATCH", "DELETE", "POST"]);

/**
 * Azure access for compiling a template: reads go to Azure through the run's gate as usual;
 * the workspace looks empty (so each plugin takes its create path), and writes are recorded,
 * byte for byte as the plugin's own request construction serialised them, instead of sent.
 */
export function captureAccess(base: AzureAccess, workspace: WorkspaceRef, record: (write: CapturedWrite) => void): AzureAccess {
  const policy = capturePolicy(workspace, record);
  const clientOptions = (): Record<string, unknown> & { endpoint: string } => {
    const options = base.clientOptions();
    const additional = (options.additionalPolicies as unknown[] | undefined) ?? [];
    return { ...options, additionalPolicies: [{ policy, position: "perRetry" }, ...additional] };
  };
  let client: Promise<AzureMachineLearningWorkspaces> | undefined;
  const ml = (): Promise<AzureMachineLearningWorkspaces> => {
    client ??= import("@azure/arm-machinelearningservices").then(
      ({ AzureMachineLearningWorkspaces }) => new AzureMachineLearningWorkspaces(base.credential, base.subscriptionId, clientOptions()),
    );
    return client;
  };
  return {
    subscriptionId: base.subscriptionId,
    credential: base.credential,
    endpoint: base.endpoint,
    ml,
    clientOptions,
    send: (request, signal) => sendThrough(ml, base.endpoint, request, signal),
    legacyClientOptions: () => base.legacyClientOptions(),
    sshEndpoint: (host, port) => base.sshEndpoint(host, port),
    // Shared reads as the run has them, except that the workspace looks empty, as above.
    reads: {
      workspace: (ws) => base.reads.workspace(ws),
      vmSizes: (location) => base.reads.vmSizes(location),
      usages: (location) => base.reads.usages(location),
      claimUsage: () => true,
      quotas: (location) => base.reads.quotas(location),
      computes: async () => [],
      compute: async () => undefined,
    },
  };
}

function capturePolicy(workspace: WorkspaceRef, record: (write: CapturedWrite) => void): PipelinePolicy {
  const computes = `/subscriptions/${workspace.subscriptionId}/resourceGroups/${workspace.resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/${workspace.name}/computes`.toLowerCase();
  return {
    name: "computeflow-template-capture",
    async sendRequest(request, next) {
      const url = new URL(request.url);
      const path = url.pathname.replace(/\/+$/, "");
      const lower = path.toLowerCase();
      const inWorkspace = lower === computes || lower.startsWith(`${computes}/`);
      const listing = request.method === "POST" && /\/list[a-z]*$/i.test(path);
      if (WRITE.has(request.method) && !listing) {
        const bodyText = typeof request.body === "string" ? request.body : undefined;
        record({ method: request.method, path, apiVersion: url.searchParams.get("api-version") ?? undefined, bodyText });
        return await reply(request, 201, bodyText ?? "{}");
      }
      if (request.method === "GET" && lower === computes) return await reply(request, 200, JSON.stringify({ value: [] }));
      if (request.method === "GET" && inWorkspace) {
        return await reply(request, 404, JSON.stringify({ error: { code: "ResourceNotFound", message: "not created yet (compiling a template)" } }));
      }
      return next(request);
    },
  };
}

async function reply(request: PipelineRequest, status: number, bodyAsText: string): Promise<PipelineResponse> {
  // Loaded on use: core is imported by `validate`, which must load no Azure SDK module.
  const { createHttpHeaders } = await import("@azure/core-rest-pipeline");
  return { request, status, headers: createHttpHeaders({ "content-type": "application/json" }), bodyAsText };
}
