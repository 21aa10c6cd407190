import type { IncomingMessage, ServerResponse } from "node:http";
import { ArmFailure, armError, type Reply } from "../arm/arm-error.js";
import type { FaultInjector } from "../faults/fault-injector.js";
import type { ArmLimits } from "../limits/arm-limits.js";
import type { EmulatorState } from "../state/emulator-state.js";
import { retryAfterHeaders } from "../state/lro-reply.js";
import type { RequestLogEntry } from "../types.js";
import { nextRequestId, sendJson } from "./arm-headers.js";
import type { RequestContext } from "./context.js";
import { parseBody, readBody } from "./read-body.js";
import type { Router } from "./router.js";
import { faultReply } from "./fault-reply.js";

export interface Runtime {
  router: Router;
  state: EmulatorState;
  endpoint: string;
  faults: FaultInjector;
  limits: ArmLimits | undefined;
  log: RequestLogEntry[];
}

const WITH_BODY = new Set(["PUT", "PATCH", "POST"]);

function authorized(req: IncomingMessage): boolean {
  const h = req.headers.authorization;
  return typeof h === "string" && /^Bearer\s+\S+/i.test(h);
}

export async function handleRequest(rt: Runtime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = (req.method ?? "GET").toUpperCase();
  const url = new URL(req.url ?? "/", rt.endpoint);
  const text = await readBody(req);
  const parsed = parseBody(text, req.headers["content-type"]);
  const entry: RequestLogEntry = { method, path: url.pathname + url.search, status: 0, time: new Date().toISOString() };
  if (WITH_BODY.has(method) && parsed.value !== undefined && typeof parsed.value === "object") entry.body = parsed.value;
  const match = rt.router.match(method, url.pathname);
  const route = typeof match === "object" ? match.route : undefined;
  if (route) entry.operation = route.operation;
  const headers: Record<string, string> = { "x-ms-request-id": nextRequestId() };
  const correlation = req.headers["x-ms-correlation-request-id"] ?? req.headers["x-ms-client-request-id"];
  headers["x-ms-correlation-request-id"] = typeof correlation === "string" ? correlation : headers["x-ms-request-id"]!;
  if (typeof req.headers["x-ms-client-request-id"] === "string") headers["x-ms-client-request-id"] = req.headers["x-ms-client-request-id"];

  const send = (reply: Reply) => {
    entry.status = reply.status;
    if (reply.created) entry.created = true;
    if (route?.kind !== "admin") rt.log.push(entry);
    if (entry.fault === "drop") return void req.socket.destroy();
    sendJson(res, reply.status, reply.body, { ...headers, ...reply.headers });
  };

  if (route?.kind === "admin" || route?.kind === "token") {
    return send(await run(rt, route.handler, { method, url, params: (match as { params: Record<string, string> }).params, body: parsed.value, headers: req.headers }));
  }
  if (!authorized(req)) {
    return send({
      ...armError(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing or is not a bearer token."),
      headers: { "WWW-Authenticate": 'Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token", error_description="The authentication failed because of missing \'Authorization\' header."' },
    });
  }
  const subscription = /^\/subscriptions\/([^/]+)/i.exec(url.pathname)?.[1];
  if (rt.limits && subscription) {
    const verdict = rt.limits.check(subscription, method);
    headers[`x-ms-ratelimit-remaining-subscription-${verdict.kind}s`] = String(verdict.remaining);
    if (!verdict.allowed) {
      entry.fault = "throttled";
      const seconds = Math.ceil(verdict.waitMs / 1000);
      return send({
        ...armError(429, "SubscriptionRequestsThrottled",
          `Number of '${verdict.kind}' requests for subscription '${subscription}' exceeded. Please try again after '${seconds}' seconds after additional tokens are available.`),
        headers: retryAfterHeaders(verdict.waitMs),
      });
    }
  } else {
    headers[`x-ms-ratelimit-remaining-subscription-${method === "GET" ? "reads" : "writes"}`] = method === "GET" ? "11999" : "1199";
  }
  const fault = rt.faults.pick(method, entry.path, route?.operation === "computes.createOrUpdate", route?.operation);
  if (fault) entry.fault = fault;
  if (fault === "reset") {
    entry.status = 0;
    rt.log.push(entry);
    req.socket.destroy();
    return;
  }
  if (fault === "slow") await new Promise((r) => setTimeout(r, rt.faults.current()?.slowMs ?? 1000));
  const injected = fault ? faultReply(fault, rt.state.ms(rt.faults.current()?.retryAfter ?? 1)) : undefined;
  if (injected) return send(injected);
  if (!match) return send(armError(404, "InvalidResourceType", `The resource type could not be found for '${url.pathname}'.`));
  if (match === "method-not-allowed") return send(armError(405, "MethodNotAllowed", `The method '${method}' is not allowed for '${url.pathname}'.`));
  if (!url.searchParams.get("api-version")) {
    return send(armError(400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests."));
  }
  const version = url.searchParams.get("api-version")!;
  if (match.route.apiVersions && !match.route.apiVersions.includes(version)) {
    return send(armError(400, "NoRegisteredProviderFound",
      `No registered resource provider found for API version '${version}' and operation '${match.route.operation}'. The supported api-versions are '${match.route.apiVersions.join(", ")}'.`));
  }
  if (parsed.error) return send(armError(400, "InvalidRequestContent", `The request content was invalid and could not be deserialized: ${parsed.error}`));
  const ctx = { method, url, params: match.params, body: parsed.value, headers: req.headers };
  const opFault = fault === "fail" || fault === "hang" ? fault : undefined;
  return send(await run(rt, match.route.handler, opFault ? { ...ctx, operationFault: opFault } : ctx));
}

async function run(rt: Runtime, handler: (ctx: RequestContext) => Reply | Promise<Reply>, partial: Omit<RequestContext, "state" | "endpoint">): Promise<Reply> {
  rt.state.advance();
  try {
    return await handler({ ...partial, state: rt.state, endpoint: rt.endpoint });
  } catch (e) {
    if (e instanceof ArmFailure) return e.reply;
    return armError(500, "InternalServerError", `The emulator failed to handle the request: ${(e as Error).message}`);
  }
}
