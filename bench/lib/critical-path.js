/**
 * Longest path through the step graph, each step weighted by its provisioning duration.
 * @param {{id: string, needs: string[]}[]} steps
 * @param {(step: any) => number} durationOf seconds (or any unit) a step takes on its own
 * @returns {{length: number, path: string[]}}
 */
export function criticalPath(steps, durationOf) {
  const byId = new Map(steps.map((s) => [s.id, s]));
  /** @type {Map<string, {finish: number, prev: string | undefined}>} */
  const memo = new Map();
  const visiting = new Set();
  const finish = (id) => {
    const known = memo.get(id);
    if (known) return known.finish;
    if (visiting.has(id)) throw new Error(`cycle at ${id}`);
    const step = byId.get(id);
    if (!step) throw new Error(`unknown step ${id}`);
    visiting.add(id);
    let start = 0;
    let prev;
    for (const dep of step.needs) {
      const f = finish(dep);
      if (prev === undefined || f > start) [start, prev] = [f, dep];
    }
    visiting.delete(id);
    const f = start + durationOf(step);
    memo.set(id, { finish: f, prev });
    return f;
  };
  let end;
  let length = 0;
  for (const s of steps) {
    const f = finish(s.id);
    if (end === undefined || f > length) [end, length] = [s.id, f];
  }
  const path = [];
  for (let id = end; id !== undefined; id = memo.get(id)?.prev) path.unshift(id);
  return { length, path };
}

/**
 * Makespan of a script that awaits each dependency level in turn (baseline B's shape).
 * @param {{id: string, needs: string[]}[]} steps
 * @param {(step: any) => number} durationOf
 */
export function levelBarrierMakespan(steps, durationOf) {
  let total = 0;
  for (const level of levels(steps)) total += Math.max(0, ...level.map(durationOf));
  return total;
}

/** Steps grouped by depth: level 0 needs nothing, level k needs something at level k-1. */
export function levels(steps) {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const depth = new Map();
  const depthOf = (id) => {
    if (depth.has(id)) return depth.get(id);
    const d = Math.max(-1, ...byId.get(id).needs.map(depthOf)) + 1;
    depth.set(id, d);
    return d;
  };
  const out = [];
  for (const s of steps) (out[depthOf(s.id)] ??= []).push(s);
  return out;
}
