import type { SourceLocation } from "../errors.js";
import { findCycles } from "./find-cycles.js";
import type { GraphView } from "./graph-view.js";
import { topologicalOrder } from "./topological-order.js";

/** What the graph needs of a step: its id, what it needs (explicit and implicit), where it is. */
export interface GraphStep {
  id: string;
  needs: readonly string[];
  location?: SourceLocation;
}

/** A `needs` entry naming a step that does not exist. */
export interface MissingNeed {
  step: string;
  need: string;
}

/**
 * The steps of a workflow and who needs whom. Nodes keep file order, which breaks every
 * tie, so the same file always gives the same order.
 */
export class StepGraph implements GraphView {
  readonly nodes: readonly string[];
  /** id -> the steps it needs (its dependencies), deduplicated, in `needs` order. */
  readonly edges: ReadonlyMap<string, readonly string[]>;
  /** id -> the steps that need it, in file order. */
  readonly dependents: ReadonlyMap<string, readonly string[]>;
  readonly missing: readonly MissingNeed[];
  readonly locations: ReadonlyMap<string, SourceLocation>;
  private readonly index: ReadonlyMap<string, number>;

  constructor(steps: readonly GraphStep[]) {
    const index = new Map<string, number>();
    for (const step of steps) if (!index.has(step.id)) index.set(step.id, index.size);
    const edges = new Map<string, string[]>();
    const dependents = new Map<string, string[]>();
    const locations = new Map<string, SourceLocation>();
    const missing: MissingNeed[] = [];
    for (const id of index.keys()) {
      edges.set(id, []);
      dependents.set(id, []);
    }
    for (const step of steps) {
      if (step.location && !locations.has(step.id)) locations.set(step.id, step.location);
      const deps = edges.get(step.id)!;
      // Indexed: an inner for-of per step walks an iterator in V8's interpreter.
      for (let i = 0; i < step.needs.length; i++) {
        const need = step.needs[i]!;
        if (!index.has(need)) missing.push({ step: step.id, need });
        else if (!deps.includes(need)) deps.push(need);
      }
    }
    for (const [id, deps] of edges) for (const dep of deps) dependents.get(dep)!.push(id);
    for (const list of dependents.values()) list.sort((a, b) => index.get(a)! - index.get(b)!);
    this.nodes = [...index.keys()];
    this.edges = edges;
    this.dependents = dependents;
    this.missing = missing;
    this.locations = locations;
    this.index = index;
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  /** Position of the step in the file (0-based); the tie-breaker everywhere. */
  position(id: string): number {
    const position = this.index.get(id);
    if (position === undefined) throw new Error(`unknown step ${id}`);
    return position;
  }

  needsOf(id: string): readonly string[] {
    return this.edges.get(id) ?? [];
  }

  dependentsOf(id: string): readonly string[] {
    return this.dependents.get(id) ?? [];
  }

  /** Each cycle as a path that starts and ends at its first step in file order: [a, b, c, a]. */
  findCycles(): string[][] {
    return findCycles(this);
  }

  /** Dependencies before dependents; ties in file order. Steps on a cycle are left out. */
  order(): string[] {
    return topologicalOrder(this);
  }

  /** Dependents before dependencies (for destroy). */
  reverseOrder(): string[] {
    return this.order().reverse();
  }
}

/** The dependency graph of a workflow's steps; unknown `needs` and cycles are recorded, not thrown (see graphProblems). */
export function buildGraph(steps: readonly GraphStep[]): StepGraph {
  return new StepGraph(steps);
}
