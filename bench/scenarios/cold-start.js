// Scenario 5: `computeflow validate` on a 1,000-step file next to `node -e 0`. The
// measuring itself is bench/cold-start.mjs (the CLI's); this only feeds it a file.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { generateFlat } from "../lib/dag.js";
import { benchDir } from "../lib/paths.js";
import { workflowYaml } from "../lib/workflow.js";

export const title = "5. Cold start: validate a 1,000-step file";

/** @param {{dir: string, quick: boolean, log: (m: string) => void}} ctx */
export async function run(ctx) {
  const script = join(benchDir, "cold-start.mjs");
  if (!existsSync(script)) return { missing: "bench/cold-start.mjs is not there yet" };
  const dir = join(ctx.dir, "cold-start");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "bench-1000.yaml");
  writeFileSync(file, workflowYaml("bench-1000", generateFlat(1000)));
  ctx.log("cold-start: computeflow validate, 1,000 steps");
  const mod = await import(pathToFileURL(script).href);
  const measureColdStart = mod.measureColdStart ?? mod.coldStart ?? mod.default;
  const result = await measureColdStart({ file, runs: ctx.quick ? 5 : 15 });
  return { file: "bench-1000.yaml", ...result };
}
