import type { IncomingMessage } from "node:http";
import type { Reply } from "../arm/arm-error.js";
import type { FaultKind } from "../faults/fault-spec.js";
import type { RequestLogEntry } from "../types.js";
import type { Runtime } from "./pipeline.js";

import type { Match } from "./router.js";

/** One request on its way through the middleware chain. */
export interface Exchange {
  rt: Runtime;
  req: IncomingMessage;
  method: string;
  url: URL;
  parsed: { value: unknown; error?: string };
  /** The router's answer for method + path, resolved before the chain runs. */
  match: Match | "method-not-allowed" | undefined;
  /** True for admin and sign-in routes: they skip every ARM middleware. */
  bypassArm: boolean;
  /** The request-log entry (status and fault are filled in as the chain runs). */
  entry: RequestLogEntry;
  /** Headers every reply carries (request id, correlation id, rate-limit counters). */
  headers: Record<string, string>;
  /** The fault the injector picked for this request, if any. */
  fault?: FaultKind;
}

/**
 * One step of request handling. Return a Reply to answer now (later steps do not run),
 * "reset" to drop the connection unanswered, or undefined to pass to the next step.
 */
export type Middleware = (x: Exchange) => Reply | "reset" | undefined | Promise<Reply | "reset" | undefined>;
