/**
 * STOP! These exports are the public API of @computeflow/emulator.
 */
export { startEmulator } from "./server.js";
export { runEmulatorFromCli } from "./cli.js";
export { defaultWorld } from "./world/load-world.js";
export { parseFaultSpec } from "./faults/fault-spec.js";
export type { EmulatorOptions, RequestLogEntry, RunningEmulator } from "./types.js";
export type { FaultKind, FaultSpec } from "./faults/fault-spec.js";
export type { World } from "./world/world-types.js";
