import type { InputDefinition } from "./inputs.js";

/**
 * A workflow file as written (the input type); `loadWorkflow` turns it into a ResolvedWorkflow.
 * The envelope schema describes the same shape; a test keeps the two in step.
 */
export interface WorkflowFile {
  $schema?: string;
  version: 1;
  name: string;
  description?: string;
  workspace: { subscription_id: string; resource_group: string; name: string };
  inputs?: Record<string, InputDefinition>;
  defaults?: StepDefaults;
  steps: Record<string, StepFile>;
}

/** The workflow's `defaults:`, applied to every step that does not set them. */
export interface StepDefaults {
  timeout_minutes?: number;
  /** N retries (N + 1 attempts), or the exact attempts and delay. */
  retry?: number | { max_attempts: number; delay_seconds?: number };
  continue_on_error?: boolean;
}

/** One entry of `steps:` as written; expressions in `with` and `if` are still unresolved. */
export interface StepFile extends StepDefaults {
  name?: string;
  uses: string;
  action: string;
  with?: Record<string, unknown>;
  needs?: string | string[];
  if?: string | boolean;
}
