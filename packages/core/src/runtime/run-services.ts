import type { TokenCredential } from "@azure/core-auth";
import type { AzureAccess } from "../plugin.js";
import { createAzureAccess, type RunAzureAccess } from "../azure/azure-access.js";
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
  /** The workflow's subscription (the first one's, in a run of several workflows). */
  azure: AzureAccess;
  /** Azure access for any subscription: clients, shared reads; one per subscription per run. */
  azureFor(subscriptionId: string): AzureAccess;
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
  const accesses = new Map<string, RunAzureAccess>();
  const gate = {
    clock,
    limiter,
    retry: compileRetryPolicy(options.requestRetry ?? REQUEST_RETRY_POLICY),
    emit,
    written: (subscription: string, path: string) => accesses.get(subscription.toLowerCase())?.feed.noteWrite(path),
    ...(options.onWrite ? { journalWrite: options.onWrite } : {}),
    ...(options.onRequest ? { trace: options.onRequest } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  const azureFor = (subscriptionId: string): RunAzureAccess => {
    const key = subscriptionId.toLowerCase();
    let access = accesses.get(key);
    if (!access) {
      access = createAzureAccess({
        subscriptionId,
        credential,
        cloud,
        ...(options.endpoint ? { endpoint: options.endpoint } : {}),
        ...(options.caCert ? { caCert: options.caCert } : {}),
        emulator: Boolean(options.endpoint && options.caCert),
        gate,
      });
      accesses.set(key, access);
    }
    return access;
  };
  const azure = azureFor(options.subscriptionId);
  const poller = new SharedPoller({
    clock,
    readerFor: (workspace) => {
      const access = azureFor(workspace.subscriptionId);
      return createWorkspaceReader((request) => access.send(request), workspace, access.feed);
    },
    ...options.poll,
  });
  return { clock, redactor, limiter, azure, azureFor, poller, emit };
}
