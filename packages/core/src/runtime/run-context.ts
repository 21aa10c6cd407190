import type { Outputs, PlanEntry } from "../plugin.js";
import type { EngineWorkflow } from "./engine-types.js";
import type { StepStatus } from "./events.js";
import type { Journal } from "./journal.js";
import type { CompiledRetryPolicy } from "./retry-policy.js";
import type { RunServices } from "./run-services.js";

/** The state one engine run shares between its parts. */
export interface RunContext {
  workflow: EngineWorkflow;
  services: RunServices;
  journal: Journal | undefined;
  signal: AbortSignal;
  allowReplace: boolean;
  outputs: Record<string, Outputs>;
  statuses: Record<string, StepStatus>;
  /** Hooks currently running, for the `interrupted` report. */
  activeHooks: Map<string, string>;
  /**
   * Steps whose operation only waits in the shared poller. They hold no concurrency slot:
   * the poller serves them all with one read per workspace.
   */
  polling: Set<string>;
  /** Called when a step starts only waiting in the poller (a slot is free again). */
  onSlotFreed?: () => void;
  /** `run`: plans started at run start (early-plans.ts), by step id; a step takes its own once. */
  earlyPlans?: Map<string, Promise<PlanEntry | undefined>>;
  /** `run --resume`: what the resumed run journaled per step; a step run again falls back on it for what it cannot tell now. */
  journaled?: ReadonlyMap<string, Outputs>;
  /** Multiplies step timeouts (EngineOptions.timeoutScale); 1 outside tests. */
  timeoutScale?: number;
  stepRetry(step: { retry: { maxAttempts: number; delaySeconds?: number | undefined } }): CompiledRetryPolicy;
  now(): string;
}
