/**
 * What the graph algorithms read of a graph: its nodes in file order and its edges both
 * ways. StepGraph implements it; the algorithms depend on this, not on StepGraph, so the
 * graph files import in one direction only.
 */
export interface GraphView {
  readonly nodes: readonly string[];
  /** Position of the node in the file (0-based); the tie-breaker everywhere. */
  position(id: string): number;
  /** The nodes `id` needs. */
  needsOf(id: string): readonly string[];
  /** The nodes that need `id`, in file order. */
  dependentsOf(id: string): readonly string[];
}
