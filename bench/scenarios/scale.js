// Scenario 4: engine overhead. Provisioning takes no time, so what is left is computeflow.
import { join } from "node:path";
import { generateFlat } from "../lib/dag.js";
import { prepareInputs } from "../lib/inputs.js";
import { trial } from "../lib/trial.js";
import { benchWorld } from "../lib/world.js";

export const title = "4. Engine overhead and scale (no provisioning time)";

/** @param {{dir: string, timeScale: number, quick: boolean, log: (m: string) => void}} ctx */
export async function run(ctx) {
  const sizes = ctx.quick ? [100, 1000] : [100, 1000, 5000];
  const world = benchWorld({ durations: { cluster: 0, attach: 0 }, retryAfter: 0 });
  const rows = [];
  for (const size of sizes) {
    ctx.log(`scale: computeflow with ${size} steps`);
    const inputs = prepareInputs(join(ctx.dir, "scale", String(size)), `bench-scale-${size}`, generateFlat(size));
    const { stepTimes, ...r } = await trial("computeflow", inputs, { world, timeScale: ctx.timeScale });
    rows.push({ ...r, steps: size, msPerStep: (r.wallS * 1000) / size, rssKbPerStep: (r.peakRssMb * 1024) / size });
  }
  return { rows, marginal: marginal(rows) };
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
