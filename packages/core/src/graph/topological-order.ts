import type { GraphView } from "./graph-view.js";
import { SortedQueue } from "./sorted-queue.js";

/** Kahn's algorithm; among the steps that could go next, the one earliest in the file goes. */
export function topologicalOrder(graph: GraphView): string[] {
  const waitingOn = new Map<string, number>();
  const queue = new SortedQueue();
  for (const id of graph.nodes) {
    const count = graph.needsOf(id).length;
    waitingOn.set(id, count);
    if (count === 0) queue.push(graph.position(id));
  }
  const order: string[] = [];
  while (queue.size > 0) {
    const id = graph.nodes[queue.shift()!]!;
    order.push(id);
    for (const dependent of graph.dependentsOf(id)) {
      const left = waitingOn.get(dependent)! - 1;
      waitingOn.set(dependent, left);
      if (left === 0) queue.push(graph.position(dependent));
    }
  }
  return order;
}
