import type { Outputs } from "../plugin.js";
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
  stepRetry(step: { retry: { maxAttempts: number; delaySeconds?: number | undefined } }): CompiledRetryPolicy;
  now(): string;
}
