import type { GraphView } from "./graph-view.js";

/**
 * Tarjan's strongly connected components, iterative so a long chain of steps cannot
 * overflow the stack.
 */
export function stronglyConnected(graph: GraphView): string[][] {
  const indexOf = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  for (const root of graph.nodes) {
    if (indexOf.has(root)) continue;
    const work: { id: string; next: number }[] = [{ id: root, next: 0 }];
    indexOf.set(root, counter);
    lowLink.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const needs = graph.needsOf(frame.id);
      if (frame.next < needs.length) {
        const need = needs[frame.next++]!;
        if (!indexOf.has(need)) {
          indexOf.set(need, counter);
          lowLink.set(need, counter++);
          stack.push(need);
          onStack.add(need);
          work.push({ id: need, next: 0 });
        } else if (onStack.has(need)) {
          lowLink.set(frame.id, Math.min(lowLink.get(frame.id)!, indexOf.get(need)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) lowLink.set(parent.id, Math.min(lowLink.get(parent.id)!, lowLink.get(frame.id)!));
      if (lowLink.get(frame.id) === indexOf.get(frame.id)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        components.push(component);
      }
    }
  }
  return components;
}
