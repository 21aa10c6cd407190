// Scenario 1: a ~60-step workflow with realistic relative durations, raced by all tools.
import { join } from "node:path";
import { criticalPath, levelBarrierMakespan } from "../lib/critical-path.js";
import { generateDag } from "../lib/dag.js";
import { fixed } from "../lib/format.js";
import { prepareInputs } from "../lib/inputs.js";
import { trial } from "../lib/trial.js";
import { benchWorld, REALISTIC } from "../lib/world.js";

/** Milliseconds a compute's create lasts in the world, by compute name. */
export function inFlightOf(steps, seconds) {
  const ms = new Map(steps.map((s) => [s.id.toLowerCase(), seconds(s) * 1000]));
  return (name) => ms.get(name) ?? 0;
}

export const title = "1. DAG makespan and ARM requests";

/** @param {{dir: string, timeScale: number, quick: boolean, log: (m: string) => void}} ctx */
export async function run(ctx) {
  const steps = generateDag();
  const seconds = (s) => REALISTIC[s.kind] * ctx.timeScale;
  const cp = criticalPath(steps, seconds);
  const world = benchWorld({ durations: REALISTIC, vms: steps.filter((s) => s.kind === "attach").length });
  // computeflow twice: as shipped (default concurrency), and with every step allowed in
  // flight at once, as the baselines are.
  const variants = [
    { tool: "computeflow", cfArgs: [] },
    { tool: "computeflow", cfArgs: ["--concurrency", String(steps.length)] },
    { tool: "concurrent", cfArgs: [] },
    { tool: "sequential", cfArgs: [] },
  ];
  const inFlightMs = inFlightOf(steps, seconds);
  const rows = [];
  for (const [i, { tool, cfArgs }] of variants.entries()) {
    if (ctx.tools && !ctx.tools.includes(tool)) continue;
    ctx.log(`dag: ${tool} ${cfArgs.join(" ")} (${steps.length} steps, critical path ${fixed(cp.length)} s)`);
    const inputs = prepareInputs(join(ctx.dir, "dag", `${i}-${tool}`), "bench-dag", steps);
    rows.push(await trial(tool, inputs, { world, timeScale: ctx.timeScale }, cfArgs, inFlightMs));
  }
  return {
    steps: steps.length,
    timeScale: ctx.timeScale,
    criticalPathS: cp.length,
    criticalPath: cp.path,
    levelBarrierS: levelBarrierMakespan(steps, seconds),
    serialS: steps.reduce((t, s) => t + seconds(s), 0),
    rows: rows.map(({ stepTimes, ...r }) => ({
      ...r,
      makespanOverCp: r.wallS / cp.length,
      ...(stepTimes ? { criticalPathTrace: cp.path.map((id) => ({ step: id, ...stepTimes[id], expected: seconds(steps.find((s) => s.id === id)) })) } : {}),
    })),
  };
}
