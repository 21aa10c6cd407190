import { ErrorCodes, type Problem } from "../errors.js";
import type { StepGraph } from "./step-graph.js";

/** Opt-in checks for graphProblems; cycles are always reported. */
export interface GraphProblemOptions {
  /** Also report `needs` naming a missing step (off when the workflow loader already does). */
  missingNeeds?: boolean;
}

/** Everything wrong with the shape of the graph, as problems positioned at a step. */
export function graphProblems(graph: StepGraph, options: GraphProblemOptions = {}): Problem[] {
  const problems: Problem[] = [];
  if (options.missingNeeds) {
    for (const { step, need } of graph.missing) {
      problems.push(
        withLocation(graph, step, {
          code: ErrorCodes.UNKNOWN_STEP,
          message: `step "${step}" needs "${need}", which is not a step in this workflow`,
          hint: `steps are: ${graph.nodes.join(", ")}`,
          severity: "error",
        }),
      );
    }
  }
  for (const cycle of graph.findCycles()) {
    const pairs = cycle.slice(0, -1).map((id, i) => `${id} needs ${cycle[i + 1]}`);
    problems.push(
      withLocation(graph, cycle[0]!, {
        code: ErrorCodes.CYCLE,
        message: `cycle: ${cycle.join(" -> ")}`,
        hint: `a step waits for every step it needs, so none of these can start (${pairs.join(", ")}); remove one of these needs or step references`,
        severity: "error",
      }),
    );
  }
  return problems;
}

function withLocation(graph: StepGraph, step: string, problem: Problem): Problem {
  const location = graph.locations.get(step);
  return location ? { ...problem, location } : problem;
}
