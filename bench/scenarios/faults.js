// Scenario 3: scenario 1's workflow with 30% of responses turned into 429/5xx/resets.
import { join } from "node:path";
import { generateDag } from "../lib/dag.js";
import { prepareInputs } from "../lib/inputs.js";
import { trial } from "../lib/trial.js";
import { benchWorld, REALISTIC } from "../lib/world.js";
import { inFlightOf } from "./dag.js";

export const title = "3. Faults (30% of responses: 429, 5xx, resets)";
export const FAULTS = "rate=0.3,seed=7";

/** @param {{dir: string, timeScale: number, log: (m: string) => void, results: Record<string, any>}} ctx */
export async function run(ctx) {
  const steps = generateDag();
  const world = benchWorld({ durations: REALISTIC, vms: steps.filter((s) => s.kind === "attach").length });
  // The fault-free figure is scenario 1's run of the same tool with the same arguments.
  const faultFree = new Map();
  for (const r of ctx.results.dag?.rows ?? []) if (!faultFree.has(r.tool)) faultFree.set(r.tool, r.requests.total);
  const inFlightMs = inFlightOf(steps, (s) => REALISTIC[s.kind] * ctx.timeScale);
  const rows = [];
  for (const tool of ["computeflow", "concurrent"]) {
    if (ctx.tools && !ctx.tools.includes(tool)) continue;
    ctx.log(`faults: ${tool} (${FAULTS})`);
    const inputs = prepareInputs(join(ctx.dir, "faults", tool), "bench-faults", steps);
    const { stepTimes, ...r } = await trial(tool, inputs, { world, timeScale: ctx.timeScale, faults: FAULTS }, [], inFlightMs);
    const base = faultFree.get(tool);
    rows.push({ ...r, faultFreeRequests: base, requestRatio: base ? r.requests.total / base : undefined });
  }
  return { faults: FAULTS, rows };
}
