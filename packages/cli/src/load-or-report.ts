import { resolve } from "node:path";
import { buildGraph, graphProblems, loadWorkflow, type Problem, type ResolvedWorkflow, type StepGraph } from "@computeflow/core";
import { ExitCode } from "./exit-codes.js";
import type { CliIO } from "./io.js";
import { countProblems, displayPath, hasErrors, renderProblems } from "./render-problems.js";

export interface LoadOptions {
  secretsFile?: string | undefined;
  inputs?: Record<string, string>;
  /** True for commands that will talk to Azure (plan, run, destroy). */
  requireSecrets?: boolean;
  /** False with --no-color. */
  color?: boolean;
  /** False for `validate --no-plugins` and `graph`: no plugin is imported, so no plugin code runs. */
  plugins?: boolean;
}

/** A step as the file declares it, known without loading its plugin. */
export interface DeclaredStep {
  id: string;
  uses?: string;
  action?: string;
}

export interface CheckedWorkflow {
  /** Present when there is no error (warnings allowed). */
  workflow?: ResolvedWorkflow;
  graph?: StepGraph;
  /** Every step the file declares, even when there are errors. */
  steps: DeclaredStep[];
  problems: Problem[];
}

/** Loads, validates and graph-checks one file, collecting every problem; prints nothing. */
export async function checkWorkflow(file: string, options: LoadOptions, io: CliIO): Promise<CheckedWorkflow> {
  const loaded = await loadWorkflow(resolve(io.cwd, file), {
    env: io.env,
    secretsFile: options.secretsFile === undefined ? undefined : resolve(io.cwd, options.secretsFile),
    inputs: options.inputs ?? {},
    requireSecrets: options.requireSecrets ?? false,
    plugins: options.plugins ?? true,
  });
  // The loader's steps exist despite other errors, so a cycle is reported with them in one run.
  const graph = buildGraph(loaded.steps);
  const problems = [...loaded.problems, ...graphProblems(graph)];
  const steps = loaded.steps.map(declaredStep);
  return !loaded.workflow || hasErrors(problems) ? { steps, problems } : { workflow: loaded.workflow, graph, steps, problems };
}

/** Property by property: spreads inside an object literal are slow on Node 20, and this runs once per step. */
function declaredStep({ id, uses, action }: DeclaredStep): DeclaredStep {
  const step: DeclaredStep = { id };
  if (uses) step.uses = uses;
  if (action) step.action = action;
  return step;
}

export type LoadOutcome =
  | { workflow: ResolvedWorkflow; graph: StepGraph; steps: DeclaredStep[]; exitCode?: undefined }
  | { workflow?: undefined; graph?: undefined; exitCode: number };

/**
 * For commands that act on a workflow: returns it, or prints every problem (and that
 * nothing was sent to Azure) and returns exit code 2. Warnings are printed either way.
 */
export async function loadOrReport(file: string, options: LoadOptions, io: CliIO): Promise<LoadOutcome> {
  const checked = await checkWorkflow(file, options, io);
  renderProblems(checked.problems, io, { color: options.color ?? true });
  if (checked.workflow && checked.graph) return { workflow: checked.workflow, graph: checked.graph, steps: checked.steps };
  io.stderr.write(`${displayPath(resolve(io.cwd, file), io.cwd)}: ${countProblems(checked.problems)}; nothing was sent to Azure\n`);
  return { exitCode: ExitCode.INVALID };
}
