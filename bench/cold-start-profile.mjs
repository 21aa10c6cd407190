// Where a cold `computeflow validate` spends its time: runs it once under `node --cpu-prof`
// and sums the profile's self time by category (module loading, YAML, step analysis ...).
//
//   node bench/cold-start-profile.mjs FILE [--interval-us 100]
//
// Categories come from each sample's frame and the frames above it; the figures go into
// bench/README.md ("Cold start: where the time goes").
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const bin = join(dirname(fileURLToPath(import.meta.url)), "../packages/cli/bin/computeflow.js");

const RULES = [
  ["YAML parsing (js-yaml, positions)", (u) => /js-yaml|parse-yaml|position-map|line-index/.test(u)],
  ["schema validation (ajv validators)", (u) => /ajv|\.cache\/computeflow|schema-(validator|errors)|validator-cache/.test(u)],
  ["argument parsing (commander)", (u) => u.includes("commander")],
];

/** @param {string} file */
export function profileValidate(file, intervalUs = 100) {
  const dir = mkdtempSync(join(tmpdir(), "cf-prof-"));
  try {
    spawnSync(process.execPath, ["--cpu-prof", "--cpu-prof-dir", dir, "--cpu-prof-interval", String(intervalUs), bin, "validate", file], { stdio: "ignore" });
    const profile = JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]), "utf8"));
    return categorize(profile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function categorize(p) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const totals = new Map();
  let all = 0;
  p.samples.forEach((id, i) => {
    const dt = p.timeDeltas[i] ?? 0;
    all += dt;
    const key = category(byId.get(id), byId, parent);
    totals.set(key, (totals.get(key) ?? 0) + dt);
  });
  return { totalMs: all / 1000, categories: [...totals].map(([name, us]) => ({ name, ms: us / 1000, share: us / all })).sort((a, b) => b.ms - a.ms) };
}

function category(node, byId, parent) {
  const name = node.callFrame.functionName;
  if (name === "(garbage collector)") return "garbage collection";
  if (name === "(program)" || name === "(idle)") return "V8 / idle (program)";
  const chain = [];
  for (let cur = node; cur; cur = byId.get(parent.get(cur.id))) chain.push(cur.callFrame.url);
  for (const [label, test] of RULES) if (test(chain[0] ?? "")) return label;
  const own = chain.find((u) => u.includes("/packages/") || u.includes("node_modules"));
  if (!own && chain.some((u) => u.startsWith("node:internal/modules") || u.startsWith("node:internal/bootstrap"))) return "module loading and Node start-up";
  if (!own) return "module loading and Node start-up";
  for (const [label, test] of RULES) if (test(own)) return label;
  if (/graph\//.test(own)) return "step graph (cycles, order)";
  if (/workflow\/|expressions|plugins\//.test(own) || /chunk-|core\/dist\/index/.test(own)) return "workflow analysis (core)";
  if (/cli\/dist/.test(own)) return "CLI (reporting)";
  return "other";
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) throw new Error("usage: node bench/cold-start-profile.mjs FILE [--interval-us N]");
  const i = process.argv.indexOf("--interval-us");
  const r = profileValidate(file, i > 0 ? Number(process.argv[i + 1]) : 100);
  process.stdout.write(`total ${r.totalMs.toFixed(0)} ms of samples\n`);
  for (const c of r.categories) process.stdout.write(`${c.ms.toFixed(1).padStart(8)} ms ${(c.share * 100).toFixed(0).padStart(3)}%  ${c.name}\n`);
}
