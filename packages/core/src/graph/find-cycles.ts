import type { GraphView } from "./graph-view.js";
import { stronglyConnected } from "./strongly-connected.js";

/**
 * One cycle per knot of mutually dependent steps (a strongly connected component),
 * as the shortest path from its first step in file order back to itself, following
 * `needs`. Every knot is reported, and the output does not grow exponentially.
 */
export function findCycles(graph: GraphView): string[][] {
  const cycles: string[][] = [];
  for (const component of stronglyConnected(graph)) {
    const members = new Set(component);
    const first = component.reduce((a, b) => (graph.position(a) <= graph.position(b) ? a : b));
    const isKnot = component.length > 1 || graph.needsOf(first).includes(first);
    if (isKnot) cycles.push(shortestLoop(graph, first, members));
  }
  return cycles.sort((a, b) => graph.position(a[0]!) - graph.position(b[0]!));
}

function shortestLoop(graph: GraphView, start: string, members: ReadonlySet<string>): string[] {
  const cameFrom = new Map<string, string>();
  const frontier = [start];
  for (let i = 0; i < frontier.length; i++) {
    const id = frontier[i]!;
    for (const need of graph.needsOf(id)) {
      if (!members.has(need)) continue;
      if (need === start) return [...pathTo(cameFrom, id, start), start];
      if (!cameFrom.has(need)) {
        cameFrom.set(need, id);
        frontier.push(need);
      }
    }
  }
  return [start, start];
}

function pathTo(cameFrom: ReadonlyMap<string, string>, end: string, start: string): string[] {
  const path = [end];
  while (path[0] !== start) path.unshift(cameFrom.get(path[0]!)!);
  return path;
}
