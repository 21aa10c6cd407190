// Scenario 3: scenario 1's workflow with 30% of responses turned into 429/5xx/resets.
import { join } from "node:path";
import { generateDag } from "../lib/dag.js";
import { prepareInputs } from "../lib/inputs.js";
import { trial } from "../lib/trial.js";
import { benchWorld, REALISTIC } from "../lib/world.js";

export const title = "3. Faults (30% of responses: 429, 5xx, resets)";
export const FAULTS = "rate=0.3,seed=7";

/** @param {{dir: string, timeScale: number, log: (m: string) => void, results: Record<string, any>}} ctx */
export async function run(ctx) {
  const steps = generateDag();
  const world = benchWorld({ durations: REALISTIC, vms: steps.filter((s) => s.kind === "attach").length });
  const faultFree = new Map((ctx.results.dag?.rows ?? []).map((r) => [r.tool, r.requests.total]));
  const rows = [];
  for (const tool of ["computeflow", "concurrent"]) {
    ctx.log(`faults: ${tool} (${FAULTS})`);
    const inputs = prepareInputs(join(ctx.dir, "faults", tool), "bench-faults", steps);
    const { stepTimes, ...r } = await trial(tool, inputs, { world, timeScale: ctx.timeScale, faults: FAULTS });
    const base = faultFree.get(tool);
    rows.push({ ...r, faultFreeRequests: base, requestRatio: base ? r.requests.total / base : undefined });
  }
  return { faults: FAULTS, rows };
}
