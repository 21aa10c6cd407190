import type { TokenCredential } from "@azure/core-auth";
import type { AzureAccess } from "../plugin.js";
import { createAzureAccess } from "../azure/azure-access.js";
import { resolveCloud } from "../azure/clouds.js";
import { ArmRateLimiter } from "../azure/rate-limiter.js";
import type { RequestTrace, WriteRecord } from "../azure/request-gate.js";
import { systemClock, type Clock } from "./clock.js";
import type { RunEvent, RunEventListener } from "./events.js";
import { SharedPoller } from "./poller.js";
import { createWorkspaceReader } from "./poll-reader.js";
import { Redactor } from "./redactor.js";
import { compileRetryPolicy, REQUEST_RETRY_POLICY, type RetryPolicy } from "./retry-policy.js";

export interface RunServicesOptions {
  subscriptionId: string;
  /** ARM endpoint override (an emulator). */
  endpoint?: string;
  /** PEM of the emulator's CA. */
  caCert?: string;
  cloud?: string;
  /** From `createCredential()`; a static token for an emulator. */
  credential: TokenCredential;
  clock?: Clock;
  redactor?: Redactor;
  onEvent?: RunEventListener;
  onWrite?: (record: WriteRecord) => void;
  /** Every request the gate sends and every response it gets (diagnostics, tests). */
  onRequest?: (record: RequestTrace) => void;
  signal?: AbortSignal;
  requestRetry?: RetryPolicy;
  poll?: { initialIntervalMs?: number; maxIntervalMs?: number };
}

/** What one run shares: clock, redactor, rate limiter, Azure clients and the poller. */
export interface RunServices {
  clock: Clock;
  redactor: Redactor;
  limiter: ArmRateLimiter;
  azure: AzureAccess;
  poller: SharedPoller;
  /** Emits an event after redacting it. */
  emit(event: RunEvent): void;
}

export function createRunServices(options: RunServicesOptions): RunServices {
  const clock = options.clock ?? systemClock;
  const redactor = options.redactor ?? new Redactor();
  const limiter = new ArmRateLimiter(clock);
  const cloud = resolveCloud(options.cloud);
  const credential = options.credential;
  const emit = (event: RunEvent): void => options.onEvent?.(redactor.redactDeep(event));
  const azure = createAzureAccess({
    subscriptionId: options.subscriptionId,
    credential,
    cloud,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.caCert ? { caCert: options.caCert } : {}),
    emulator: Boolean(options.endpoint && options.caCert),
    gate: {
      clock,
      limiter,
      retry: compileRetryPolicy(options.requestRetry ?? REQUEST_RETRY_POLICY),
      emit,
      ...(options.onWrite ? { journalWrite: options.onWrite } : {}),
      ...(options.onRequest ? { trace: options.onRequest } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    },
  });
  const poller = new SharedPoller({
    clock,
    readerFor: (workspace) => createWorkspaceReader(() => azure.ml(), workspace),
    ...options.poll,
  });
  return { clock, redactor, limiter, azure, poller, emit };
}
