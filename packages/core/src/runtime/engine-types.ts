import type { SourceLocation } from "../errors.js";
import type { ArmRequest, BodyContext, Effect, Outputs, PlanEntry, StepContext, StepResult, WorkspaceRef } from "../plugin.js";
import type { StepStatus } from "./events.js";

/**
 * What the engine needs of a resolved workflow. The loader's ResolvedWorkflow satisfies
 * it structurally; keeping the engine's view this small keeps it testable on plain data.
 */
export interface EnginePlugin {
  name: string;
  /** What plan shows for `action` without a plan hook (or before its inputs are known). */
  defaultLabel(action: string): string;
  effectOf(action: string, label: string): Effect;
  plan(action: string, ctx: StepContext): Promise<PlanEntry | undefined>;
  apply(action: string, ctx: StepContext): Promise<StepResult>;
  /** "delete", "detach", or undefined when `destroy` leaves the step's resource alone. */
  destroyLabel(action: string): string | undefined;
  planDestroy(action: string, ctx: StepContext): Promise<PlanEntry | undefined>;
  destroy(action: string, ctx: StepContext): Promise<StepResult>;
  /** False when the plugin never talks to Azure (no sign-in is needed for it). */
  readonly usesAzure?: boolean;
  /** True when `action` has a side-effect-free `body(input)` (the ARM engine's templates use it). */
  hasBody?(action: string): boolean;
  /** The action's declared path fields (local files core reads for `body`). */
  pathFields?(action: string): readonly string[];
  /** True when `action`'s body reads the step's plan (BodyContext.plan): plan the step before calling body. */
  planBeforeBody?(action: string): boolean;
  /** The request `apply` would send for a resolved `with`; see LoadedPlugin.body. */
  body?(action: string, input: Record<string, unknown>, ctx: BodyContext, stepId: string): ArmRequest | undefined;
}

/** One step as the engine runs it: its plugin, retry and timeout settings, and its `with`/`if:` still to evaluate. */
export interface EngineStep {
  id: string;
  /** The compute name. */
  name: string;
  uses: string;
  action: string;
  plugin: EnginePlugin;
  needs: readonly string[];
  timeoutMinutes?: number | undefined;
  retry: { maxAttempts: number; delaySeconds?: number | undefined };
  continueOnError: boolean;
  location?: SourceLocation | undefined;
  /** The step's own workspace and directory, when they differ from the workflow's (a run of several workflows). */
  workspace?: WorkspaceRef | undefined;
  dir?: string | undefined;
  /** The outputs of other steps this step's `with` and `if:` read (`steps.ID.outputs.KEY`). */
  reads?: readonly OutputRead[] | undefined;
  /** `with` with expressions resolved against the outputs of earlier steps (by step id). */
  resolveWith(outputs: Readonly<Record<string, Outputs>>, options?: { missingSecrets?: "error" | "null" }): { value: Record<string, unknown>; secrets: readonly string[] };
  /** The references `with` makes; the ARM engine turns env, inputs and secrets into template parameters. */
  references?(): ReadonlyArray<{ pointer: string; whole: boolean; context: string; name: string; value: unknown }>;
  /** The step's `if:`. */
  shouldRun(outputs: Readonly<Record<string, Outputs>>, statuses: Readonly<Record<string, StepStatus>>): boolean;
}

/** One `${{ steps.ID.outputs.KEY }}` a step reads. */
export interface OutputRead {
  step: string;
  output: string;
}

/** The workflow as the engine runs it; a ResolvedWorkflow from loadWorkflow is one. */
export interface EngineWorkflow {
  file: string;
  dir: string;
  /** Where files the workflow makes computeflow write must stay (defaults to `dir`). */
  projectRoot?: string;
  name: string;
  workspace: WorkspaceRef;
  /** Secret values the workflow read; redacted everywhere. */
  secrets: readonly string[];
  steps: readonly EngineStep[];
}
