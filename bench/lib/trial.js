import { startEmulatorProcess } from "./emulator.js";
import { summarizeRequests } from "./requests.js";
import { runTool, TOOLS } from "./tools.js";

/**
 * One tool against a fresh emulator (same world, same faults seed, same time scale as
 * every other tool): the tool's own wall time, RSS and CPU, and its ARM requests.
 * @param {string} tool
 * @param {{workflowFile: string, specFile: string}} inputs
 * @param {{world: unknown, timeScale: number, faults?: string, armLimits?: boolean}} emulatorOptions
 * @param {string[]} [cfArgs] extra `computeflow run` arguments
 * @param {(computeName: string) => number} [inFlightMs] see summarizeRequests
 */
export async function trial(tool, inputs, emulatorOptions, cfArgs = [], inFlightMs) {
  const emulator = await startEmulatorProcess(emulatorOptions);
  try {
    const spawnedAt = Date.now();
    const run = await runTool(tool, inputs, emulator, emulatorOptions.timeScale, cfArgs);
    const log = await emulator.requests();
    const requests = summarizeRequests(log, inFlightMs);
    const firstRequestS = log.length ? (Date.parse(log[0].time) - spawnedAt) / 1000 : undefined;
    return {
      tool,
      label: cfArgs.length ? `computeflow ${cfArgs.join(" ")}` : TOOLS[tool] ?? tool,
      status: run.status,
      error: run.error,
      wallS: run.wallMs / 1000,
      peakRssMb: run.peakRssMb,
      cpuS: run.cpuS,
      firstRequestS,
      requests,
      stepTimes: run.stepTimes,
    };
  } finally {
    await emulator.close();
  }
}
