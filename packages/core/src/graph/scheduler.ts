import { ComputeflowError, ErrorCodes } from "../errors.js";
import type { StepGraph } from "./step-graph.js";

/** Where a step is in the Scheduler's life cycle; only "ready" steps may be started. */
export type StepState = "pending" | "ready" | "running" | "done" | "failed" | "skipped";

/** How Scheduler.complete treats the dependents of a step that did not succeed. */
export interface CompleteOptions {
  /**
   * Let dependents run although this step failed or was skipped (continue_on_error, or
   * when the caller evaluates each dependent's `if:` itself). Default: they are skipped.
   */
  unblockDependents?: boolean;
}

export interface SchedulerOptions {
  /**
   * "file-order" (default): ready steps in topological order, ties in file order.
   * "longest-chain": steps heading the longest chain of dependents first (they bound the
   * makespan when a concurrency limit makes steps wait), ties as in "file-order".
   */
  prefer?: "file-order" | "longest-chain";
}

/**
 * Knows which steps may start. It only tracks state: no I/O, no timers, no plugin calls.
 * Ready steps come out in topological order, ties in file order.
 */
export class Scheduler {
  private readonly states = new Map<string, StepState>();
  /** The "ready" steps, kept as states change: ready() is asked after every step ends. */
  private readonly readyIds = new Set<string>();
  private readonly waitingOn = new Map<string, number>();
  private readonly skippedBy = new Map<string, string[]>();
  private readonly rank: ReadonlyMap<string, number>;
  private readonly chain: ReadonlyMap<string, number> | undefined;

  constructor(private readonly graph: StepGraph, options: SchedulerOptions = {}) {
    const cycles = graph.findCycles();
    if (cycles.length > 0) {
      throw new ComputeflowError({ code: ErrorCodes.CYCLE, errorClass: "validation", message: `cycle: ${cycles[0]!.join(" -> ")}` });
    }
    const order = graph.order();
    this.rank = new Map(order.map((id, i) => [id, i]));
    this.chain = options.prefer === "longest-chain" ? chainLengths(graph, order) : undefined;
    for (const id of graph.nodes) {
      const count = graph.needsOf(id).length;
      this.waitingOn.set(id, count);
      this.set(id, count === 0 ? "ready" : "pending");
    }
  }

  state(id: string): StepState {
    const state = this.states.get(id);
    if (state === undefined) throw new Error(`unknown step ${id}`);
    return state;
  }

  snapshot(): Record<string, StepState> {
    return Object.fromEntries(this.states);
  }

  /** Steps that may start now and have not been started. */
  ready(): string[] {
    return this.inOrder([...this.readyIds]);
  }

  /** True when no step is pending, ready or running. */
  finished(): boolean {
    for (const state of this.states.values()) if (state === "pending" || state === "ready" || state === "running") return false;
    return true;
  }

  start(id: string): void {
    this.expect(id, "ready", "start");
    this.set(id, "running");
  }

  /**
   * Records the outcome of a running step (or a ready one that was never started, for
   * `if:` skips) and returns the steps that became ready. A failed or skipped step
   * skips its pending dependents, transitively, unless `unblockDependents` is set.
   */
  complete(id: string, status: "done" | "failed" | "skipped", options: CompleteOptions = {}): string[] {
    const state = this.state(id);
    if (state !== "running" && state !== "ready") throw new Error(`cannot complete step ${id}: it is ${state}`);
    this.set(id, status);
    if (status !== "done" && !options.unblockDependents) {
      this.skipDependentsOf(id);
      return [];
    }
    const nowReady: string[] = [];
    for (const dependent of this.graph.dependentsOf(id)) {
      const left = this.waitingOn.get(dependent)! - 1;
      this.waitingOn.set(dependent, left);
      if (left === 0 && this.states.get(dependent) === "pending") {
        this.set(dependent, "ready");
        nowReady.push(dependent);
      }
    }
    return this.inOrder(nowReady);
  }

  /**
   * Marks every step that transitively needs `id` and has not started as skipped.
   * Returns all steps skipped because of `id` (calling it again returns the same list).
   */
  skipDependentsOf(id: string): string[] {
    const skipped = this.skippedBy.get(id) ?? [];
    const queue = [...this.graph.dependentsOf(id)];
    for (let i = 0; i < queue.length; i++) {
      const dependent = queue[i]!;
      const state = this.states.get(dependent);
      if (state !== "pending" && state !== "ready") continue;
      this.set(dependent, "skipped");
      skipped.push(dependent);
      queue.push(...this.graph.dependentsOf(dependent));
    }
    this.skippedBy.set(id, this.inOrder(skipped));
    return [...this.skippedBy.get(id)!];
  }

  private set(id: string, state: StepState): void {
    this.states.set(id, state);
    if (state === "ready") this.readyIds.add(id);
    else this.readyIds.delete(id);
  }

  private expect(id: string, wanted: StepState, verb: string): void {
    const state = this.state(id);
    if (state !== wanted) throw new Error(`cannot ${verb} step ${id}: it is ${state}`);
  }

  private inOrder(ids: string[]): string[] {
    const chain = this.chain;
    return ids.sort((a, b) => (chain ? chain.get(b)! - chain.get(a)! : 0) || this.rank.get(a)! - this.rank.get(b)!);
  }
}

/** Steps in the longest chain that starts at each step (itself and its dependents' dependents ...). */
export function chainLengths(graph: StepGraph, order: readonly string[]): Map<string, number> {
  const length = new Map<string, number>();
  for (const id of [...order].reverse()) {
    length.set(id, 1 + Math.max(0, ...(graph.dependents.get(id) ?? []).map((d) => length.get(d) ?? 0)));
  }
  return length;
}
