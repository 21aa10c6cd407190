import type { PipelinePolicy, PipelineRequest } from "@azure/core-rest-pipeline";
import { sendThroughGate, type RequestGateDeps } from "./request-gate.js";

/**
 * core's policy for `@azure/core-client` SDKs; sits after the (disabled) SDK retry, before
 * signing. With `agent`, every request of the run reuses its kept-alive connections.
 */
export function computeflowPolicy(deps: RequestGateDeps, agent?: PipelineRequest["agent"]): PipelinePolicy {
  return {
    name: "computeflow",
    sendRequest: (request, next) =>
      sendThroughGate(deps, request.method, request.url, () => next(agent && !request.agent ? Object.assign(request, { agent }) : request), (response) => ({
        status: response.status,
        header: (name) => response.headers.get(name),
      })),
  };
}
