import type { StepGraph } from "@computeflow/core";

/** What a drawing shows of a step. */
export interface GraphNode {
  id: string;
  uses: string;
  action: string;
}

export function nodeLabel(node: GraphNode): string {
  return `${node.id} (${node.uses}/${node.action})`;
}

/** Edges from each dependency to its dependent, in file order. */
export function edgesOf(graph: StepGraph): [from: string, to: string][] {
  return graph.nodes.flatMap((id) => graph.needsOf(id).map((need): [string, string] => [need, id]));
}
