import { planArm } from "../arm-engine/plan-arm.js";
import { runArm } from "../arm-engine/run-arm.js";
import { buildGraph, type StepGraph } from "../graph/step-graph.js";
import { destroyActionOf, destroyStepOnce } from "./destroy-step.js";
import { startEarlyPlans } from "./early-plans.js";
import type { EngineStep } from "./engine-types.js";
import type { RunMode } from "./events.js";
import { executeGraph } from "./execute-graph.js";
import { executeStep } from "./execute-step.js";
import { readLastRun, type JournalReading, type PreviousRun } from "./journal-reader.js";
import { planWorkflow } from "./plan-workflow.js";
import { removeGeneratedFiles } from "./remove-generated.js";
import { resumeDecider } from "./resume-decider.js";
import { carryJournaledOutputs, outputReaders } from "./resume-outputs.js";
import type { RunContext } from "./run-context.js";
import { runStepOnce } from "./run-step.js";

/** A run set up by the engine, as a mode gets it. */
export interface ModeRun {
  run: RunContext;
  graph: StepGraph;
  /** Steps in dependency order, ties in file order. */
  order: EngineStep[];
  byId: ReadonlyMap<string, EngineStep>;
  concurrency: number;
  failFast: boolean;
  engine: "local" | "arm";
  /** What readPrevious found: the run a resume continues, or the run destroy undoes. */
  previous?: PreviousRun;
}

/**
 * What one mode does. The engine sets up every run the same way (guard, services, events,
 * journal, interrupt) and asks the mode only these.
 */
export interface ModeStrategy {
  /** Takes the workflow's lock and keeps a journal; plan only reads. */
  readonly writes: boolean;
  /** The earlier run this one builds on, read under the lock before any step. */
  readPrevious(workflowDir: string, resume: boolean): JournalReading;
  /** Runs the steps; failures are reported through events, never thrown. */
  execute(mode: ModeRun): Promise<void>;
}

/** A resume continues the last run only if it did not finish successfully. */
function continuedRun(workflowDir: string, resume: boolean): JournalReading {
  if (!resume) return { warnings: [] };
  const reading = readLastRun(workflowDir);
  const last = reading.previous;
  const previous = last?.mode === "run" && last.finished !== "succeeded" ? last : undefined;
  return { ...(previous ? { previous } : {}), warnings: reading.warnings };
}

/** What each step would do; on the ARM engine, a what-if of the deployment. */
const planMode: ModeStrategy = {
  writes: false,
  readPrevious: continuedRun,
  execute: ({ run, order, concurrency, engine }) =>
    engine === "arm" ? planArm(run, order, concurrency) : planWorkflow(run, order, concurrency, readLastRun(run.workflow.dir, "run").previous?.succeeded),
};

/** Every step in dependency order; a resume takes what the last run finished. */
const runMode: ModeStrategy = {
  writes: true,
  readPrevious: continuedRun,
  async execute({ run, graph, byId, order, concurrency, failFast, engine, previous }) {
    if (previous) {
      run.journaled = previous.journaled;
      carryJournaledOutputs(run, previous);
    }
    const decide = resumeDecider(run, previous, outputReaders(run.workflow.steps));
    if (engine === "arm") return runArm(run, graph, byId, order, { concurrency, failFast, decide });
    startEarlyPlans(run, graph, byId, concurrency);
    await executeGraph(run, graph, byId, {
      concurrency,
      failFast,
      decide,
      execute: (step) => executeStep(run, step, (signal) => runStepOnce(run, step, signal)),
    });
  },
};

/** Dependents before what they need, starting from the last run's outputs; a step with nothing to destroy removes its generated files. */
const destroyMode: ModeStrategy = {
  writes: true,
  readPrevious: (workflowDir) => readLastRun(workflowDir, "run"),
  async execute({ run, graph, byId, concurrency, failFast, previous }) {
    for (const [id, outputs] of previous?.succeeded ?? []) if (byId.has(id)) run.outputs[id] = outputs;
    const reversed = buildGraph(run.workflow.steps.map((s) => ({ id: s.id, needs: graph.dependentsOf(s.id) })));
    await executeGraph(run, reversed, byId, {
      concurrency,
      failFast,
      decide: (step) => (destroyActionOf(step) ? undefined : removeGeneratedFiles(run, step, previous?.files.get(step.id) ?? [])),
      execute: (step) => executeStep(run, step, (signal) => destroyStepOnce(run, step, signal), destroyActionOf(step)),
    });
  },
};

export const MODES: Readonly<Record<RunMode, ModeStrategy>> = { plan: planMode, run: runMode, destroy: destroyMode };
