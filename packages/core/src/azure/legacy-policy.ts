import type { HttpOperationResponse, RequestPolicy, RequestPolicyFactory, RequestPolicyOptions, WebResource } from "@azure/ms-rest-js";
import { sendThroughGate, type RequestGateDeps } from "./request-gate.js";

/** The same gate for old `@azure/ms-rest-js` clients (arm-datalake-analytics), as their innermost policy. */
export function legacyPolicyFactory(deps: RequestGateDeps): RequestPolicyFactory {
  return {
    create(nextPolicy: RequestPolicy, _options: RequestPolicyOptions): RequestPolicy {
      return {
        sendRequest: (request: WebResource): Promise<HttpOperationResponse> =>
          sendThroughGate(deps, request.method, request.url, () => nextPolicy.sendRequest(request), (response) => ({
            status: response.status,
            header: (name) => response.headers.get(name),
          })),
      };
    },
  };
}
