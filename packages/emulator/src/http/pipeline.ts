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
import { checkBody } from "../spec/check-body.js";
import { responseKind } from "../spec/oracle-kinds.js";
import { armError } from "../arm/arm-error.js";

export interface Runtime {
  router: Router;
  state: EmulatorState;
  endpoint: string;
  faults: FaultInjector;
  limits: ArmLimits | undefined;
  log: RequestLogEntry[];
  /** Check compute bodies against the REST spec (tests); see spec/ and middleware/spec-request.ts. */
  specOracle: boolean;
  /** What the spec oracle found, request and response bodies alike. */
  specViolations: string[];
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
  if (rt.specOracle && typeof match === "object") outcome = checkResponse(rt, x, outcome);
  entry.status = outcome.status;
  if (outcome.created) entry.created = true;
  if (kind !== "admin") rt.log.push(entry);
  if (entry.fault === "drop") return void req.socket.destroy();
  sendJson(res, outcome.status, outcome.body, { ...x.headers, ...outcome.headers });
}

/** An emulator answer the REST spec rejects is the emulator's bug: it becomes a 500 naming the problem. */
function checkResponse(rt: Runtime, x: Exchange, outcome: Reply): Reply {
  const kind = responseKind(x.entry.operation, outcome.status);
  const problems = kind ? checkBody(kind, outcome.body, x.url.searchParams.get("api-version")) : [];
  if (problems.length === 0) return outcome;
  rt.specViolations.push(...problems.map((p) => `response ${x.method} ${x.url.pathname}: ${p}`));
  return armError(500, "EmulatorSpecViolation", `The emulator's answer does not follow the REST spec: ${problems.join("; ")}`);
}
