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
 */
export async function trial(tool, inputs, emulatorOptions, cfArgs = []) {
  const emulator = await startEmulatorProcess(emulatorOptions);
  try {
    const run = await runTool(tool, inputs, emulator, emulatorOptions.timeScale, cfArgs);
    const requests = summarizeRequests(await emulator.requests());
    return {
      tool,
      label: cfArgs.length ? `computeflow ${cfArgs.join(" ")}` : TOOLS[tool] ?? tool,
      status: run.status,
      error: run.error,
      wallS: run.wallMs / 1000,
      peakRssMb: run.peakRssMb,
      cpuS: run.cpuS,
      requests,
    };
  } finally {
    await emulator.close();
  }
}
