import { armError, type Reply } from "../arm/arm-error.js";
import type { FaultKind } from "../faults/fault-spec.js";
import { retryAfterHeaders } from "../state/lro-reply.js";

/** The response ARM gives for an injected fault kind; undefined for kinds that do not replace the response. */
export function faultReply(kind: FaultKind, retryAfterMs: number): Reply | undefined {
  switch (kind) {
    case "429":
      return {
        ...armError(429, "TooManyRequests", "The request is being throttled as the limit has been reached for operation type. Please retry after the time in the Retry-After header."),
        headers: retryAfterHeaders(retryAfterMs),
      };
    case "500":
      return armError(500, "InternalServerError", "Encountered internal server error. The tracking id is in x-ms-request-id.");
    case "503":
      return {
        ...armError(503, "ServiceUnavailable", "The service is temporarily unavailable. Please try again later."),
        headers: retryAfterHeaders(retryAfterMs),
      };
    default:
      return undefined;
  }
}
