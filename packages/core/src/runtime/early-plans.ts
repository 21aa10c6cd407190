import { chainLengths } from "../graph/scheduler.js";
import type { StepGraph } from "../graph/step-graph.js";
import type { PlanEntry } from "../plugin.js";
import type { EngineStep } from "./engine-types.js";
import type { RunContext } from "./run-context.js";
import { callHook } from "./run-step.js";

/**
 * `run`: every step's read-only pre-flight (its plan: SSH checks, quota, names, what
 * exists) starts when the run starts, so that none waits behind a dependency whose outputs
 * it does not read. Eligible: a step that waits for a dependency (a step that waits for
 * none starts at once anyway), whose `with` resolves before any step ran,
 * and whose compute no other step of the run names (that step could change what the plan
 * reads). At most `concurrency` at once, longest chains first; the requests go
 * through the run's rate limiter like any other. A step takes its early plan on its first
 * attempt (runStepOnce); one that failed is planned again then.
 */
export function startEarlyPlans(run: RunContext, graph: StepGraph, steps: ReadonlyMap<string, EngineStep>, concurrency: number): void {
  const names = new Map<string, number>();
  for (const step of steps.values()) names.set(step.name.toLowerCase(), (names.get(step.name.toLowerCase()) ?? 0) + 1);
  const chain = chainLengths(graph, graph.order());
  const eligible = [...steps.values()]
    .filter((step) => graph.needsOf(step.id).length > 0 && names.get(step.name.toLowerCase()) === 1 && resolvesAlone(step))
    .sort((a, b) => (chain.get(b.id) ?? 0) - (chain.get(a.id) ?? 0));
  const plans = new Map<string, Promise<PlanEntry | undefined>>();
  run.earlyPlans = plans;
  const gates: (() => void)[] = [];
  let active = 0;
  const slot = (): Promise<void> => (active < concurrency ? (active++, Promise.resolve()) : new Promise((r) => gates.push(r)));
  const release = (): void => {
    const waiting = gates.shift();
    if (waiting) waiting();
    else active--;
  };
  for (const step of eligible) {
    const plan = slot().then(async () => {
      try {
        if (run.signal.aborted) throw run.signal.reason;
        return await callHook(run, step, run.signal, "planning", (ctx) => step.plugin.plan(step.action, ctx), undefined, step.action, false);
      } finally {
        release();
      }
    });
    plan.catch(() => undefined);
    plans.set(step.id, plan);
  }
}

function resolvesAlone(step: EngineStep): boolean {
  try {
    step.resolveWith({});
    return true;
  } catch {
    return false;
  }
}
