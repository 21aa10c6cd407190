/**
 * The scenario-1 workflow as plain data: attaches, clusters and instances on three
 * dependency levels, plus a run configuration for every compute.
 *
 * Level 0: attaches, clusters, one instance. Level 1: clusters that wait for an attach
 * (a team attaches its data VM before its cluster). Level 2: instances that wait for
 * one of those clusters. Run configurations follow their cluster or attached VM. Fast and slow steps
 * share levels, so a script that awaits level by level waits for the slowest each time.
 * `needs` lists every dependency, implicit or explicit.
 *
 * @typedef {"cluster" | "instance" | "attach" | "configure-run" | "local-run"} StepKind
 * @typedef {{id: string, kind: StepKind, needs: string[], compute?: string}} Step
 */

const pad = (n) => String(n).padStart(2, "0");

/** @returns {Step[]} */
export function generateDag({ attaches = 16, clusters = 4, instances = 1, lateClusters = 4, lateInstances = 2, extraRuns = 9 } = {}) {
  /** @type {Step[]} */
  const steps = [];
  const add = (id, kind, needs = []) => steps.push({ id, kind, needs });
  for (let i = 1; i <= attaches; i++) add(`vm-${pad(i)}`, "attach");
  for (let i = 1; i <= clusters; i++) add(`cpu-${pad(i)}`, "cluster");
  for (let i = 1; i <= instances; i++) add(`ci-${pad(i)}`, "instance");
  for (let i = 1; i <= lateClusters; i++) add(`gpu-${pad(i)}`, "cluster", [`vm-${pad(((i - 1) % attaches) + 1)}`]);
  for (let i = 1; i <= lateInstances; i++) add(`ci-${pad(instances + i)}`, "instance", [`gpu-${pad(((i - 1) % lateClusters) + 1)}`]);
  // Compute instances take no run configuration (their plugin has no configure-run).
  const computes = steps.filter((s) => s.kind !== "instance").map((s) => s.id);
  for (const c of computes) steps.push({ id: `${c}-run`, kind: "configure-run", needs: [c], compute: c });
  for (let i = 0; i < extraRuns; i++) {
    const c = computes[(i * 7) % computes.length];
    steps.push({ id: `${c}-run-${i + 2}`, kind: "configure-run", needs: [c], compute: c });
  }
  return steps;
}

/**
 * Engine-only workflow: local run configurations (no ARM request at all) in a 4-ary
 * tree, each reading its parent's output, so scheduling, expressions and events are
 * exercised while Azure's rate limits are not.
 * @returns {Step[]}
 */
export function generateLocalTree(total) {
  return Array.from({ length: total }, (_, i) => ({
    id: `r${i}`,
    kind: /** @type {const} */ ("local-run"),
    needs: i === 0 ? [] : [`r${Math.floor((i - 1) / 4)}`],
  }));
}

/**
 * A flat workflow for the scale scenario: half provisions with no provisioning time,
 * half run configurations on them.
 * @returns {Step[]}
 */
export function generateFlat(total) {
  const clusters = Math.ceil(total / 2);
  /** @type {Step[]} */
  const steps = [];
  for (let i = 0; i < clusters; i++) steps.push({ id: `c${i}`, kind: "cluster", needs: [] });
  for (let i = 0; steps.length < total; i++) steps.push({ id: `c${i}-run`, kind: "configure-run", needs: [`c${i}`], compute: `c${i}` });
  return steps;
}

/** 200 independent small clusters (scenario 2). */
export function generateWide(count) {
  return Array.from({ length: count }, (_, i) => ({ id: `w${i}`, kind: /** @type {const} */ ("cluster"), needs: [] }));
}
