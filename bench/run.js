// `npm run bench`: races computeflow against two hand-written SDK scripts on the
// emulator, prints the figures and writes bench/results/latest.json (+ latest.md).
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs, usage } from "./lib/args.js";
import { repoRoot, resultsDir } from "./lib/paths.js";
import { renderReport } from "./lib/report.js";
import { evaluateTargets } from "./lib/targets.js";
import * as coldStart from "./scenarios/cold-start.js";
import * as dag from "./scenarios/dag.js";
import * as dagArm from "./scenarios/dag-arm.js";
import * as faults from "./scenarios/faults.js";
import * as limits from "./scenarios/limits.js";
import * as limitsMany from "./scenarios/limits-many.js";
import * as scale from "./scenarios/scale.js";

const scenarios = { dag, "dag-arm": dagArm, limits, "limits-many": limitsMany, faults, scale, "cold-start": coldStart };

const options = parseArgs(process.argv.slice(2));
if (options.help) {
  process.stdout.write(usage);
  process.exit(0);
}
const missing = ["packages/cli/dist/main.js", "packages/emulator/dist/index.js"].filter((f) => !existsSync(join(repoRoot, f)));
if (missing.length) {
  process.stderr.write(`bench needs the built packages (missing ${missing.join(", ")}): run \`npm run build\` first\n`);
  process.exit(1);
}
const unknown = (options.only ?? []).filter((id) => !(id in scenarios));
if (unknown.length) {
  process.stderr.write(`unknown scenario ${unknown.join(", ")}; known: ${Object.keys(scenarios).join(", ")}\n`);
  process.exit(2);
}
const timeScale = options.timeScale ?? (options.quick ? 0.01 : 0.04);
const dir = mkdtempSync(join(tmpdir(), "computeflow-bench-"));
const started = performance.now();
const log = (m) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${m}\n`);
const results = {};
try {
  for (const [id, scenario] of Object.entries(scenarios)) {
    if (options.only && !options.only.includes(id)) continue;
    try {
      results[id] = await scenario.run({ dir, timeScale, quick: options.quick, tools: options.tools, log, results });
    } catch (error) {
      log(`${id}: ${error?.stack ?? error}`);
      results[id] = { error: String(error?.message ?? error) };
    }
  }
} finally {
  if (!options.keep) rmSync(dir, { recursive: true, force: true });
  else log(`kept ${dir}`);
}
const targets = evaluateTargets(results);
const titles = Object.fromEntries(Object.entries(scenarios).map(([id, s]) => [id, s.title]));
const markdown = renderReport(results, targets, titles);
process.stdout.write(`${markdown}\n`);
const report = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, node: process.version, platform: process.platform },
  options: { quick: options.quick, timeScale, only: options.only ?? null, tools: options.tools ?? null },
  totalSeconds: (performance.now() - started) / 1000,
  targets,
  scenarios: results,
};
mkdirSync(resultsDir, { recursive: true });
const scrub = (text) => text.split(dir).join("<work>").split(repoRoot).join("<repo>").split(tmpdir()).join("<tmp>");
writeFileSync(join(resultsDir, "latest.json"), scrub(JSON.stringify(report, null, 2)) + "\n");
writeFileSync(join(resultsDir, "latest.md"), scrub(markdown) + "\n");
log(`wrote bench/results/latest.json (${targets.filter((t) => t.met).length}/${targets.length} targets met)`);
