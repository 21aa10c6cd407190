// Scenario 5: `computeflow validate` on a 1,000-step file next to `node -e 0`, measured
// by bench/cold-start.mjs (the CLI's); once with the real amlcompute plugin, once with a
// fixture plugin that isolates core's own cost.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { benchDir } from "../lib/paths.js";

export const title = "5. Cold start: validate a 1,000-step file";

/** @param {{quick: boolean, log: (m: string) => void}} ctx */
export async function run(ctx) {
  const script = join(benchDir, "cold-start.mjs");
  if (!existsSync(script)) return { missing: "bench/cold-start.mjs is not there" };
  const { measureColdStart } = await import(pathToFileURL(script).href);
  const runs = ctx.quick ? 5 : 15;
  const rows = [];
  for (const plugin of ["amlcompute", "fixture"]) {
    ctx.log(`cold-start: computeflow validate, 1,000 steps, plugin ${plugin}`);
    rows.push(await measureColdStart({ runs, steps: 1000, plugin }));
  }
  return { rows };
}
