// Scenario 5: `computeflow validate` on a 1,000-step file next to `node -e 0`, measured
// by bench/cold-start.mjs (the CLI's); once with the real amlcompute plugin, once with a
// fixture plugin that isolates core's own cost.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { benchDir } from "../lib/paths.js";

export const title = "5. Cold start: validate 1,000 and 10 steps, --version";

/** @param {{quick: boolean, log: (m: string) => void}} ctx */
export async function run(ctx) {
  const script = join(benchDir, "cold-start.mjs");
  if (!existsSync(script)) return { missing: "bench/cold-start.mjs is not there" };
  const { measureColdStart, measureVersion } = await import(pathToFileURL(script).href);
  const runs = ctx.quick ? 5 : 15;
  const rows = [];
  for (const [plugin, steps] of [["amlcompute", 1000], ["amlcompute", 10], ["fixture", 1000]]) {
    ctx.log(`cold-start: computeflow validate, ${steps} steps, plugin ${plugin}`);
    rows.push(await measureColdStart({ runs, steps, plugin }));
  }
  ctx.log("cold-start: computeflow --version");
  const version = await measureVersion({ runs });
  return { rows, version };
}
