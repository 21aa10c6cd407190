import type { IncomingMessage, ServerResponse } from "node:http";
import type { Reply } from "../arm/arm-error.js";
import type { FaultInjector } from "../faults/fault-injector.js";
import type { ArmLimits } from "../limits/arm-limits.js";
import type { EmulatorState } from "../state/emulator-state.js";
import type { RequestLogEntry } from "../types.js";
import { nextRequestId, sendJson } from "./arm-headers.js";
import type { Exchange, Middleware } from "./exchange.js";
import { MIDDLEWARE } from "./middleware/order.js";
import { parseBody, readBody } from "./read-body.js";
import type { Router } from "./router.js";

export interface Runtime {
  router: Router;
  state: EmulatorState;
  endpoint: string;
  faults: FaultInjector;
  limits: ArmLimits | undefined;
  log: RequestLogEntry[];
}

const WITH_BODY = new Set(["PUT", "PATCH", "POST"]);

function baseHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = { "x-ms-request-id": nextRequestId() };
  const correlation = req.headers["x-ms-correlation-request-id"] ?? req.headers["x-ms-client-request-id"];
  headers["x-ms-correlation-request-id"] = typeof correlation === "string" ? correlation : headers["x-ms-request-id"]!;
  if (typeof req.headers["x-ms-client-request-id"] === "string") headers["x-ms-client-request-id"] = req.headers["x-ms-client-request-id"];
  return headers;
}

/** Reads the request, runs it through the middleware chain (see middleware/order.ts), answers and logs it. */
export async function handleRequest(rt: Runtime, req: IncomingMessage, res: ServerResponse, chain: readonly Middleware[] = MIDDLEWARE): Promise<void> {
  const method = (req.method ?? "GET").toUpperCase();
  const url = new URL(req.url ?? "/", rt.endpoint);
  const parsed = parseBody(await readBody(req), req.headers["content-type"]);
  const entry: RequestLogEntry = { method, path: url.pathname + url.search, status: 0, time: new Date().toISOString() };
  if (WITH_BODY.has(method) && parsed.value !== undefined && typeof parsed.value === "object") entry.body = parsed.value;
  const match = rt.router.match(method, url.pathname);
  const kind = typeof match === "object" ? match.route.kind : undefined;
  if (typeof match === "object") entry.operation = match.route.operation;
  const x: Exchange = { rt, req, method, url, parsed, match, bypassArm: kind === "admin" || kind === "token", entry, headers: baseHeaders(req) };

  let outcome: Reply | "reset" | undefined;
  for (const step of chain) {
    outcome = await step(x);
    if (outcome !== undefined) break;
  }
  if (outcome === "reset" || outcome === undefined) {
    entry.status = 0;
    rt.log.push(entry);
    return void req.socket.destroy();
  }
  entry.status = outcome.status;
  if (outcome.created) entry.created = true;
  if (kind !== "admin") rt.log.push(entry);
  if (entry.fault === "drop") return void req.socket.destroy();
  sendJson(res, outcome.status, outcome.body, { ...x.headers, ...outcome.headers });
}
