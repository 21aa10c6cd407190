// Scenario 2: 200 concurrent creates against ARM's per-subscription token buckets.
// Real time (scale 1) with short creates, so the buckets and the pollers tick alike.
import { join } from "node:path";
import { generateWide } from "../lib/dag.js";
import { prepareInputs } from "../lib/inputs.js";
import { trial } from "../lib/trial.js";
import { ARM_BUCKETS, BOUND_FORMULA, createBound, MARGIN_80 } from "../lib/bounds.js";
import { benchWorld } from "../lib/world.js";

export const title = "2. ARM request limits (200 concurrent creates)";

/** @param {{dir: string, quick: boolean, log: (m: string) => void}} ctx */
export async function run(ctx) {
  const count = 200;
  const createSeconds = ctx.quick ? 5 : 10;
  const steps = generateWide(count);
  const world = benchWorld({ durations: { cluster: createSeconds, attach: createSeconds } });
  const rows = [];
  // Baseline A is left out: it never has more than one operation in flight.
  for (const tool of ["computeflow", "concurrent"]) {
    if (ctx.tools && !ctx.tools.includes(tool)) continue;
    ctx.log(`limits: ${tool} (${count} creates of ${createSeconds} s, ARM limits on)`);
    const inputs = prepareInputs(join(ctx.dir, "limits", tool), "bench-limits", steps);
    const { stepTimes, ...row } = await trial(tool, inputs, { world, timeScale: 1, armLimits: true }, tool === "computeflow" ? ["--concurrency", String(count)] : [], () => createSeconds * 1000);
    rows.push(row);
  }
  const bound = { formula: BOUND_FORMULA, armS: createBound({ creates: count, createSeconds, buckets: ARM_BUCKETS }), margin80S: createBound({ creates: count, createSeconds, buckets: MARGIN_80 }) };
  return { operations: count, createSeconds, bound, rows: rows.map((r) => ({ ...r, makespanOverBound: r.wallS / bound.armS })) };
}
