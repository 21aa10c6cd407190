import type { TokenCredential } from "@azure/core-auth";
import type { RequestTrace } from "../azure/request-gate.js";
import type { Outputs } from "../plugin.js";
import type { Clock } from "./clock.js";
import type { RunEventListener, RunMode, StepStatus } from "./events.js";

/** How runEngine runs: the mode, where Azure is (endpoint, cloud, credential), concurrency, resume and the event listener. */
export interface EngineOptions {
  mode: RunMode;
  /** ARM endpoint override (an emulator) and the CA to trust for it. */
  endpoint?: string;
  caCert?: string;
  cloud?: string;
  env?: Record<string, string | undefined>;
  credential?: TokenCredential;
  concurrency?: number;
  failFast?: boolean;
  resume?: boolean;
  allowReplace?: boolean;
  signal?: AbortSignal;
  onEvent?: RunEventListener;
  clock?: Clock;
  poll?: { initialIntervalMs?: number; maxIntervalMs?: number };
  /** Every request sent and response received, with the engine clock's time (diagnostics, tests). */
  onRequest?: (record: RequestTrace) => void;
  /**
   * "arm": provision and attach steps run as one ARM deployment (plan: what-if); the rest,
   * and destroy, stay with the local engine. Defaults to "local".
   */
  engine?: "local" | "arm";
  /**
   * Called synchronously once each journal record is on disk, with the record's type
   * ("step_started", "write" ...) and step. The CLI's COMPUTEFLOW_CRASH_AFTER uses it.
   */
  onJournal?: (type: string, step: string | undefined) => void;
  /**
   * Multiplies every step's timeout, its action's default or its timeout_minutes (tests against
   * a fast emulator; messages keep the unscaled minutes). Defaults to 1.
   */
  timeoutScale?: number;
  /** Scales step and request retry backoff (tests against a time-scaled emulator); Retry-After is never scaled. */
  timeScale?: number;
}

/** How a run ended: overall status, each step's status and outputs, and the journal file (not for plan). */
export interface EngineResult {
  status: "succeeded" | "failed" | "interrupted";
  steps: Record<string, StepStatus>;
  outputs: Record<string, Outputs>;
  journal?: string;
}
