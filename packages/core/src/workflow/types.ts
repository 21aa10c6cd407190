import type { SourceLocation, Problem } from "../errors.js";
import type { GraphStep } from "../graph/step-graph.js";
import type { AnyAction, Outputs, WorkspaceRef } from "../plugin.js";
import type { LoadedPlugin } from "../plugins/loaded-plugin.js";

/** What loadWorkflow reads besides the file: environment, secrets file and input values. */
export interface LoadOptions {
  /** Environment for `env.*` and `secrets.*`; defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** A dotenv file `secrets.*` also reads (the environment wins). */
  secretsFile?: string;
  /** Values for the workflow's `inputs`, as given on the command line. */
  inputs?: Record<string, string>;
  /** When false (validate, graph), a secret that is not set is not an error. Defaults to true. */
  requireSecrets?: boolean;
  /** When false (`validate --no-plugins`, `graph`), no plugin is imported: no plugin code runs. Defaults to true. */
  plugins?: boolean;
}

/** What loadWorkflow returns: the resolved workflow when the file is valid, and every problem found either way. */
export interface LoadResult {
  /** Undefined when any problem is an error. */
  workflow?: ResolvedWorkflow;
  /** Errors and warnings, sorted by position. */
  problems: Problem[];
  /** Every step's id, needs and position (and `uses`/`action` as written), in file order, even when there are errors (for the cycle check). */
  steps: (GraphStep & { uses?: string; action?: string })[];
}

/** A valid workflow file with plugins loaded and inputs applied; what the engine runs (see WorkflowFile for the input type). */
export interface ResolvedWorkflow {
  /** Absolute path of the workflow file. */
  file: string;
  dir: string;
  /** The project root (see findProjectRoot): writes and local plugins stay inside it. */
  projectRoot: string;
  name: string;
  workspace: WorkspaceRef;
  inputs: Record<string, unknown>;
  /** Every secret value, for redaction. */
  secrets: string[];
  /** In file order. */
  steps: ResolvedStep[];
}

export type StepStatusName = "succeeded" | "failed" | "skipped" | "noop" | (string & {});

/** One step of a ResolvedWorkflow: its plugin and action, dependencies, and `with`/`if:` to evaluate once earlier outputs are known. */
export interface ResolvedStep {
  id: string;
  /** The compute name: `name:` or the step id. */
  name: string;
  uses: string;
  action: string;
  plugin: LoadedPlugin;
  spec: AnyAction;
  /** Explicit `needs` plus steps referenced by expressions; deduplicated and sorted. */
  needs: string[];
  /** Every `steps.ID.outputs.KEY` its `with` and `if:` read (a resume re-runs a step whose journal lacks one). */
  reads: { step: string; output: string }[];
  timeoutMinutes?: number;
  retry: { maxAttempts: number; delaySeconds?: number };
  continueOnError: boolean;
  /** Where the step's key is. */
  location: SourceLocation;
  /**
   * Evaluates `with` now that dependencies' outputs are known, schema defaults applied: the values
   * and the secret values used. `missingSecrets: "null"` reads a secret that is not set as null
   * (destroy needs none).
   */
  resolveWith(
    outputs: Readonly<Record<string, Outputs>>,
    options?: { missingSecrets?: "error" | "null" },
  ): { value: Record<string, unknown>; secrets: string[]; /** Top-level fields that hold their schema default (not written in the file). */ defaulted: string[] };
  /** The references `with` makes (for the ARM template compiler: which parameters a step reads). */
  references(): WithReference[];
  /** Evaluates `if:` (true when absent). `statuses`: step id -> "succeeded" | "failed" | "skipped" | "noop". */
  shouldRun(outputs: Readonly<Record<string, Outputs>>, statuses: Readonly<Record<string, StepStatusName>>): boolean;
}

/** One `${{ ... }}` reference inside a step's `with`. */
export interface WithReference {
  /** JSON pointer of the value inside `with`. */
  pointer: string;
  /** The value is this one expression (so it keeps its type). */
  whole: boolean;
  context: "env" | "inputs" | "secrets" | "steps";
  /** Variable name, or "STEP.OUTPUT" for steps. */
  name: string;
  /** The resolved value (secrets included: never print it); undefined for step outputs. */
  value: unknown;
}
