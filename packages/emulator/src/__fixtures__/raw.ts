import { createPipelineRequest } from "@azure/core-rest-pipeline";
import type { AzureMachineLearningWorkspaces } from "@azure/arm-machinelearningservices";
import type { RunningEmulator } from "../types.js";

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** A request through the SDK client's own pipeline (auth, TLS trust, retries), for bodies the typed API drops. */
export async function rawRequest(client: AzureMachineLearningWorkspaces, em: RunningEmulator, method: "GET" | "PUT" | "POST" | "DELETE" | "PATCH", path: string, body?: unknown): Promise<RawResponse> {
  const request = createPipelineRequest({
    url: `${em.endpoint}${path}`,
    method,
    headers: undefined,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (body !== undefined) request.headers.set("Content-Type", "application/json");
  const res = await client.sendRequest(request);
  return { status: res.status, headers: res.headers.toJSON(), body: res.bodyAsText ? JSON.parse(res.bodyAsText) : undefined };
}
