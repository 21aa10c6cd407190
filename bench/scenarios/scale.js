// Scenario 4: engine overhead. Local run configurations send nothing to Azure, so what
// is measured is computeflow itself: parsing, graph, expressions, events, journal, files.
// One ARM-bound row shows what a step that talks to Azure costs under ARM's read limit.
import { join } from "node:path";
import { generateFlat, generateLocalTree } from "../lib/dag.js";
import { prepareInputs } from "../lib/inputs.js";
import { trial } from "../lib/trial.js";
import { benchWorld } from "../lib/world.js";

export const title = "4. Engine overhead and scale";

/** @param {{dir: string, timeScale: number, quick: boolean, log: (m: string) => void}} ctx */
export async function run(ctx) {
  const sizes = ctx.quick ? [100, 1000, 2000] : [100, 1000, 5000];
  const world = benchWorld({ durations: { cluster: 0, attach: 0 }, retryAfter: 0 });
  const rows = [];
  for (const size of sizes) {
    ctx.log(`scale: computeflow, ${size} local run configurations`);
    const inputs = prepareInputs(join(ctx.dir, "scale", String(size)), `bench-scale-${size}`, generateLocalTree(size));
    const { stepTimes, ...r } = await trial("computeflow", inputs, { world, timeScale: ctx.timeScale });
    rows.push({ ...r, kind: "local run configurations", steps: size, msPerStep: (r.wallS * 1000) / size });
  }
  const armSteps = 100;
  ctx.log(`scale: computeflow, ${armSteps} steps that call ARM (instant provisions + their run configurations)`);
  const inputs = prepareInputs(join(ctx.dir, "scale", "arm"), "bench-scale-arm", generateFlat(armSteps));
  const { stepTimes, ...r } = await trial("computeflow", inputs, { world, timeScale: ctx.timeScale });
  const armRow = { ...r, kind: "instant provisions + run configurations (ARM)", steps: armSteps, msPerStep: (r.wallS * 1000) / armSteps };
  return { rows, armRow, marginal: marginal(rows) };
}

/** Cost of each extra step between consecutive sizes: flat means linear growth. */
function marginal(rows) {
  const out = [];
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1], rows[i]];
    const n = b.steps - a.steps;
    out.push({ from: a.steps, to: b.steps, msPerStep: ((b.wallS - a.wallS) * 1000) / n, rssKbPerStep: ((b.peakRssMb - a.peakRssMb) * 1024) / n });
  }
  return out;
}
