// Scenario 1b: scenario 1's 60-step DAG handed to ARM (`run --engine arm`) next to the local engine.
import { join } from "node:path";
import { criticalPath } from "../lib/critical-path.js";
import { generateDag } from "../lib/dag.js";
import { fixed } from "../lib/format.js";
import { prepareInputs } from "../lib/inputs.js";
import { trial } from "../lib/trial.js";
import { benchWorld, REALISTIC } from "../lib/world.js";
import { inFlightOf } from "./dag.js";

export const title = "1b. DAG through ARM deployments (--engine arm)";

/** The secret the attaches sign in with: a template cannot carry a key file's content, a securestring parameter can. */
const PASSWORD_SECRET = "BENCH_VM_PASSWORD";
const PASSWORD = "bench-Vm-passw0rd";

/** @param {{dir: string, timeScale: number, quick: boolean, log: (m: string) => void, tools?: string[]}} ctx */
export async function run(ctx) {
  const steps = generateDag();
  const seconds = (s) => REALISTIC[s.kind] * ctx.timeScale;
  const cp = criticalPath(steps, seconds);
  const world = benchWorld({ durations: REALISTIC, vms: steps.filter((s) => s.kind === "attach").length, vmPassword: PASSWORD });
  // The same file both times (attaches with a password secret), so only the engine differs.
  const variants = [
    { name: "local", cfArgs: [] },
    { name: "arm", cfArgs: ["--engine", "arm"] },
  ];
  const inFlightMs = inFlightOf(steps, seconds);
  const rows = [];
  if (ctx.tools && !ctx.tools.includes("computeflow")) return { skipped: "computeflow is not among --tools" };
  for (const [i, { name, cfArgs }] of variants.entries()) {
    ctx.log(`dag-arm: computeflow ${cfArgs.join(" ") || "(local engine)"} (${steps.length} steps, critical path ${fixed(cp.length)} s)`);
    const inputs = prepareInputs(join(ctx.dir, "dag-arm", `${i}-${name}`), "bench-dag-arm", steps, { passwordSecret: PASSWORD_SECRET, env: { [PASSWORD_SECRET]: PASSWORD } });
    const row = await trial("computeflow", inputs, { world, timeScale: ctx.timeScale }, cfArgs, inFlightMs);
    const { stepTimes: _times, ...rest } = row;
    rows.push({ ...rest, engine: name, makespanOverCp: row.wallS / cp.length });
  }
  const local = rows.find((r) => r.engine === "local");
  const arm = rows.find((r) => r.engine === "arm");
  return {
    steps: steps.length,
    timeScale: ctx.timeScale,
    criticalPathS: cp.length,
    criticalPath: cp.path,
    rows,
    // client requests of --engine arm over the local engine's (ARM's own work inside the deployment excluded)
    clientRequestRatio: local && arm && local.requests.total ? arm.requests.total / local.requests.total : undefined,
  };
}
