import { dirname, join } from "node:path";
import { measure } from "./measure.js";
import { benchDir, cliBin } from "./paths.js";

/** The tools the scenarios race: computeflow and the two hand-written SDK scripts. */
export const TOOLS = {
  computeflow: "computeflow",
  sequential: "baseline A (sequential)",
  concurrent: "baseline B (Promise.all per level)",
};

/**
 * @param {string} tool key of TOOLS
 * @param {{workflowFile: string, workflowFiles?: string[], specFile: string, env?: Record<string, string>}} inputs
 * @param {{endpoint: string, caCertPath: string}} emulator
 * @param {number} timeScale
 * @param {string[]} [cfArgs] extra `computeflow run` arguments
 */
export async function runTool(tool, inputs, emulator, timeScale, cfArgs = []) {
  if (tool === "computeflow") return runComputeflow(inputs.workflowFiles ?? [inputs.workflowFile], emulator, timeScale, cfArgs, inputs.env);
  const script = join(benchDir, "baselines", `${tool}.js`);
  const r = await measure(script, [inputs.specFile, emulator.endpoint, emulator.caCertPath, String(timeScale)]);
  const last = lastJsonLine(r.stdout);
  return { ...r, status: last?.status ?? (r.code === 0 ? "succeeded" : "failed"), error: last?.error ?? tail(r.stderr) };
}

async function runComputeflow(files, emulator, timeScale, cfArgs, env = {}) {
  const args = ["run", ...files, "--emulator-endpoint", emulator.endpoint, "--ca-cert", emulator.caCertPath, "--json", ...cfArgs];
  const r = await measure(cliBin, args, { cwd: dirname(files[0]), env: { ...env, COMPUTEFLOW_TIME_SCALE: String(timeScale), NO_COLOR: "1" } });
  const events = r.stdout.split("\n").map(safeJson).filter(Boolean);
  const finished = events.filter((e) => e.type === "run_finished").pop();
  const failures = events.filter((e) => e.type === "step_finished" && e.status === "failed").map((e) => `${e.step}: ${e.error?.code ?? ""} ${e.error?.message ?? ""}`);
  const status = finished?.status ?? "failed";
  return { ...r, status, error: status === "succeeded" ? undefined : failures[0] ?? tail(r.stderr) ?? tail(r.stdout), stepTimes: stepTimes(events) };
}

/** Seconds after run_started at which each step started and finished. */
function stepTimes(events) {
  const t0 = Date.parse(events[0]?.time ?? "");
  const out = {};
  for (const e of events) {
    if (e.type !== "step_started" && e.type !== "step_finished") continue;
    const t = (Date.parse(e.time) - t0) / 1000;
    const entry = (out[e.step] ??= {});
    if (e.type === "step_started") entry.start ??= t;
    else entry.end = t;
  }
  return out;
}

function safeJson(line) {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

function lastJsonLine(text) {
  return text.trim().split("\n").map(safeJson).filter(Boolean).pop();
}

function tail(text) {
  const t = text.trim();
  return t ? t.slice(-400) : undefined;
}
