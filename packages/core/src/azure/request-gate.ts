import { sleep, type Clock } from "../runtime/clock.js";
import type { CompiledRetryPolicy } from "../runtime/retry-policy.js";
import type { RunEvent } from "../runtime/events.js";
import { currentStepId } from "../runtime/step-scope.js";
import { classifyAzureError, classifyStatus } from "./classify-error.js";
import { subscriptionOf, type ArmRateLimiter } from "./rate-limiter.js";
import { retryAfterOf } from "./retry-after.js";
import { ComputeflowError, ErrorCodes } from "../errors.js";

/** A write as the journal records it: intent before it is sent, result after. */
export interface WriteRecord {
  phase: "intent" | "result";
  step: string | undefined;
  method: string;
  url: string;
  attempt: number;
  status?: number;
  error?: string;
}

/** One line of the request trace: when the gate sent a request, and what came back. */
export interface RequestTrace {
  time: number;
  phase: "send" | "response";
  method: string;
  path: string;
  subscription: string;
  status?: number;
  retryAfterMs?: number;
}

export interface RequestGateDeps {
  clock: Clock;
  limiter: ArmRateLimiter;
  retry: CompiledRetryPolicy;
  journalWrite?: (record: WriteRecord) => void;
  emit?: (event: RunEvent) => void;
  signal?: AbortSignal;
  trace?: (record: RequestTrace) => void;
  /** A write to `path` in `subscription` is about to be sent (the run's read cache forgets what it names). */
  written?: (subscription: string, path: string) => void;
}

export interface RawResponse {
  status: number;
  header(name: string): string | undefined;
}

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/**
 * The one path every ARM request takes, whichever SDK generation sends it: rate limit,
 * Retry-After gate, retries of throttled/transient failures, and the write journal.
 * Non-retryable responses go back to the SDK untouched so it raises its usual error.
 */
export async function sendThroughGate<T>(
  deps: RequestGateDeps,
  method: string,
  url: string,
  send: () => Promise<T>,
  view: (response: T) => RawResponse,
): Promise<T> {
  const subscription = subscriptionOf(url);
  const isWrite = method !== "GET" && method !== "HEAD";
  const path = url.replace(/^https?:\/\/[^/]+/, "").replace(/\?.*$/, "");
  const step = currentStepId();
  const kind = isWrite ? "write" : "read";
  for (let attempt = 1; ; attempt++) {
    const seq = await deps.limiter.acquire(subscription, kind, deps.signal);
    if (isWrite) {
      deps.written?.(subscription, path);
      deps.journalWrite?.({ phase: "intent", step, method, url: path, attempt });
    }
    let response: T;
    deps.trace?.({ time: deps.clock.now(), phase: "send", method, path, subscription });
    try {
      response = await send();
    } catch (error) {
      deps.limiter.answered(subscription, kind, seq, undefined, false);
      const failure = classifyAzureError(error);
      if (isWrite) deps.journalWrite?.({ phase: "result", step, method, url: path, attempt, error: failure.code });
      if (deps.signal?.aborted || !deps.retry.shouldRetry(attempt, failure)) throw failure;
      await sleep(deps.clock, deps.retry.delayFor(attempt, failure), deps.signal);
      continue;
    }
    const raw = view(response);
    deps.limiter.answered(subscription, kind, seq, remainingBudget(raw, kind));
    if (isWrite) deps.journalWrite?.({ phase: "result", step, method, url: path, attempt, status: raw.status });
    const retryAfterMs = RETRYABLE_STATUS.has(raw.status) ? retryAfterOf(raw, deps.clock.now()) : undefined;
    deps.trace?.({ time: deps.clock.now(), phase: "response", method, path, subscription, status: raw.status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });
    if (!RETRYABLE_STATUS.has(raw.status)) return response;
    if (retryAfterMs !== undefined) {
      deps.limiter.blockUntil(subscription, deps.clock.now() + retryAfterMs);
      if (raw.status === 429) deps.emit?.({ type: "request_throttled", time: new Date(deps.clock.now()).toISOString(), method, url: path, retryAfterMs });
    }
    const errorClass = classifyStatus(raw.status);
    const failure = new ComputeflowError({ code: errorClass === "throttled" ? ErrorCodes.THROTTLED : ErrorCodes.TRANSIENT, errorClass, message: `HTTP ${raw.status}`, retryAfterMs });
    if (deps.signal?.aborted || !deps.retry.shouldRetry(attempt, failure)) return response;
    await sleep(deps.clock, deps.retry.delayFor(attempt, failure), deps.signal);
  }
}

/** What ARM says is left of this subscription's budget for this kind of request. */
function remainingBudget(raw: RawResponse, kind: "read" | "write"): number | undefined {
  const value = raw.header(`x-ms-ratelimit-remaining-subscription-${kind}s`);
  if (value === undefined || value === null || value.trim() === "") return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}
