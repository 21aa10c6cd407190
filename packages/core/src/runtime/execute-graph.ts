import type { StepGraph } from "../graph/step-graph.js";
import { Scheduler } from "../graph/scheduler.js";
import type { Outputs } from "../plugin.js";
import type { EngineStep } from "./engine-types.js";
import type { StepStatus } from "./events.js";
import { finish } from "./execute-step.js";
import type { RunContext } from "./run-context.js";

export interface Decision {
  status: StepStatus;
  outputs?: Outputs;
  resumed?: boolean;
}

export interface GraphRunOptions {
  concurrency: number;
  failFast: boolean;
  /** Decides a ready step without running it (resume, `if:`); undefined runs it. */
  decide?(step: EngineStep): Decision | undefined;
  execute(step: EngineStep): Promise<StepStatus>;
}

const OK: ReadonlySet<StepStatus> = new Set(["succeeded", "noop"]);

/**
 * Starts each step as soon as what it needs succeeded, up to `concurrency` at a time (a step
 * whose operation only waits in the shared poller holds no slot). A
 * failed step skips its dependents; independent branches finish unless `failFast`.
 */
export async function executeGraph(run: RunContext, graph: StepGraph, steps: ReadonlyMap<string, EngineStep>, options: GraphRunOptions): Promise<void> {
  const scheduler = new Scheduler(graph, { prefer: "longest-chain" });
  const running = new Map<string, Promise<void>>();
  let stopping = false;
  let waiter: (() => void) | undefined;
  const wake = (): void => {
    const resolve = waiter;
    waiter = undefined;
    resolve?.();
  };

  const settle = (step: EngineStep, status: StepStatus): void => {
    if (!OK.has(status) && status !== "skipped" && !step.continueOnError && options.failFast) stopping = true;
    const unblock = OK.has(status) || (status === "failed" && step.continueOnError);
    scheduler.complete(step.id, unblock ? "done" : status === "skipped" ? "skipped" : "failed");
    if (!unblock) for (const id of scheduler.skipDependentsOf(step.id)) if (!(id in run.statuses)) finish(run, steps.get(id)!, "skipped", 0);
  };

  const launch = (): void => {
    for (let progressed = true; progressed && !stopping && !run.signal.aborted; ) {
      progressed = false;
      for (const id of scheduler.ready()) {
        const step = steps.get(id)!;
        const decided = options.decide?.(step);
        if (decided) {
          if (decided.outputs) run.outputs[id] = decided.outputs;
          finish(run, step, decided.status, 0, { ...(decided.outputs ? { outputs: decided.outputs } : {}), ...(decided.resumed ? { resumed: true } : {}) });
          settle(step, decided.status);
          progressed = true;
          break;
        }
        if (running.size - run.polling.size >= options.concurrency) break;
        scheduler.start(id);
        const done = options.execute(step).catch(() => finish(run, step, "failed", 0));
        running.set(
          id,
          done.then((status) => {
            running.delete(id);
            settle(step, status);
            wake();
          }),
        );
      }
    }
  };

  // One waiter, woken by whatever changes what may start: a step that ends, or one that
  // starts only waiting in the poller. (Racing every running step's promise instead added
  // one reaction to each of them per wake-up, which never go away: quadratic in time and
  // memory with a thousand steps in flight.)
  run.onSlotFreed = wake;
  for (launch(); running.size > 0; launch()) await new Promise<void>((resolve) => (waiter = resolve));
  run.onSlotFreed = undefined;
  for (const id of graph.nodes) {
    const state = scheduler.state(id);
    if (state === "pending" || state === "ready") finish(run, steps.get(id)!, "cancelled", 0);
  }
}
