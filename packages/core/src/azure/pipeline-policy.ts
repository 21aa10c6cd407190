import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import { sendThroughGate, type RequestGateDeps } from "./request-gate.js";

/** core's policy for `@azure/core-client` SDKs; sits after the (disabled) SDK retry, before signing. */
export function computeflowPolicy(deps: RequestGateDeps): PipelinePolicy {
  return {
    name: "computeflow",
    sendRequest: (request, next) =>
      sendThroughGate(deps, request.method, request.url, () => next(request), (response) => ({
        status: response.status,
        header: (name) => response.headers.get(name),
      })),
  };
}
