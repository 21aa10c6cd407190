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
}

export interface CheckedWorkflow {
  /** Present when there is no error (warnings allowed). */
  workflow?: ResolvedWorkflow;
  graph?: StepGraph;
  problems: Problem[];
}

/** Loads, validates and graph-checks one file, collecting every problem; prints nothing. */
export async function checkWorkflow(file: string, options: LoadOptions, io: CliIO): Promise<CheckedWorkflow> {
  const loaded = await loadWorkflow(resolve(io.cwd, file), {
    env: io.env,
    secretsFile: options.secretsFile === undefined ? undefined : resolve(io.cwd, options.secretsFile),
    inputs: options.inputs ?? {},
    requireSecrets: options.requireSecrets ?? false,
  });
  // The loader's steps exist despite other errors, so a cycle is reported with them in one run.
  const graph = buildGraph(loaded.steps);
  const problems = [...loaded.problems, ...graphProblems(graph)];
  return !loaded.workflow || hasErrors(problems) ? { problems } : { workflow: loaded.workflow, graph, problems };
}

export type LoadOutcome =
  | { workflow: ResolvedWorkflow; graph: StepGraph; exitCode?: undefined }
  | { workflow?: undefined; graph?: undefined; exitCode: number };

/**
 * For commands that act on a workflow: returns it, or prints every problem (and that
 * nothing was sent to Azure) and returns exit code 2. Warnings are printed either way.
 */
export async function loadOrReport(file: string, options: LoadOptions, io: CliIO): Promise<LoadOutcome> {
  const checked = await checkWorkflow(file, options, io);
  renderProblems(checked.problems, io, { color: options.color ?? true });
  if (checked.workflow && checked.graph) return { workflow: checked.workflow, graph: checked.graph };
  io.stderr.write(`${displayPath(resolve(io.cwd, file), io.cwd)}: ${countProblems(checked.problems)}; nothing was sent to Azure\n`);
  return { exitCode: ExitCode.INVALID };
}
