import { armError } from "../../arm/arm-error.js";
import { retryAfterHeaders } from "../../state/lro-reply.js";
import type { Middleware } from "../exchange.js";

/** ARM's per-subscription token buckets (when on) and the x-ms-ratelimit-remaining-* headers. */
export const throttling: Middleware = (x) => {
  if (x.bypassArm) return undefined;
  const { rt, method, url, headers } = x;
  const subscription = /^\/subscriptions\/([^/]+)/i.exec(url.pathname)?.[1];
  if (!rt.limits || !subscription) {
    const kind = method === "GET" ? "reads" : "writes";
    headers[`x-ms-ratelimit-remaining-subscription-${kind}`] = method === "GET" ? "11999" : "1199";
    return undefined;
  }
  const verdict = rt.limits.check(subscription, method);
  headers[`x-ms-ratelimit-remaining-subscription-${verdict.kind}s`] = String(verdict.remaining);
  if (verdict.allowed) return undefined;
  x.entry.fault = "throttled";
  const seconds = Math.ceil(verdict.waitMs / 1000);
  return {
    ...armError(429, "SubscriptionRequestsThrottled",
      `Number of '${verdict.kind}' requests for subscription '${subscription}' exceeded. Please try again after '${seconds}' seconds after additional tokens are available.`),
    headers: retryAfterHeaders(verdict.waitMs),
  };
};
