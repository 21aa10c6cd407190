import type { EngineStep } from "./engine-types.js";
import type { Decision } from "./execute-graph.js";
import type { PreviousRun } from "./journal-reader.js";
import { missingReads, type OutputReaders } from "./resume-outputs.js";
import type { RunContext } from "./run-context.js";

/**
 * Decides ready steps of `run`: a step the resumed run finished is done (its journaled
 * outputs), unless they lack an output a later step reads: then it runs again, with a warning.
 */
export function resumeDecider(run: RunContext, previous: PreviousRun | undefined, readers: OutputReaders): (step: EngineStep) => Decision | undefined {
  const rerun = new Set<string>();
  return (step) => {
    const recorded = rerun.has(step.id) ? undefined : previous?.succeeded.get(step.id);
    if (recorded) {
      const missing = missingReads(step.id, recorded, readers);
      if (missing.length === 0) return { status: "noop", outputs: recorded, resumed: true };
      rerun.add(step.id);
      const message = `step ${step.id} runs again: the journal of run ${previous!.runId} lacks its output ${missing.join(", ")}`;
      run.services.emit({ type: "run_warning", time: run.now(), message });
      run.journal?.write({ type: "step_outputs", time: run.now(), step: step.id, outputs: recorded, carried: true });
    }
    return decideIf(run, step);
  };
}

function decideIf(run: RunContext, step: EngineStep): Decision | undefined {
  try {
    if (!step.shouldRun(run.outputs, run.statuses)) return { status: "skipped" };
  } catch {
    return undefined;
  }
  return undefined;
}
