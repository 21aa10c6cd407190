import type { AzureMachineLearningWorkspaces } from "@azure/arm-machinelearningservices";
import type { ArmSend, ArmSendReply } from "../plugin.js";

let pipeline: Promise<typeof import("@azure/core-rest-pipeline")> | undefined;

/**
 * One raw ARM request through an ML client's pipeline, so it takes the same credential,
 * gate, retries and TLS trust as every SDK call. The pipeline module is loaded on use:
 * `validate` imports core and must load no Azure SDK module.
 */
export async function sendThrough(ml: () => Promise<AzureMachineLearningWorkspaces>, endpoint: string, request: ArmSend, signal?: AbortSignal): Promise<ArmSendReply> {
  // The client first: loading it loads the pipeline, which is then imported from the module
  // cache. Importing both at once from many first requests raced the loading of the same
  // module under vitest's module runner.
  const client = await ml();
  const { createHttpHeaders, createPipelineRequest } = await (pipeline ??= import("@azure/core-rest-pipeline"));
  const hasBody = request.body !== undefined;
  const response = await client.sendRequest(
    createPipelineRequest({
      url: `${endpoint}${request.path}?${new URLSearchParams({ "api-version": request.apiVersion, ...request.query })}`,
      method: request.method,
      ...(signal ? { abortSignal: signal } : {}),
      headers: createHttpHeaders({ accept: "application/json", ...(hasBody ? { "content-type": "application/json" } : {}) }),
      ...(hasBody ? { body: JSON.stringify(request.body) } : {}),
    }),
  );
  return { status: response.status, bodyAsText: response.bodyAsText ?? undefined, header: (name) => response.headers.get(name) };
}
