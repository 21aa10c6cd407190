/** @computeflow/compute-kit/testing: run a compute plugin's step or a repository example against the emulator. */
export { failureOf, outputsOf, runStep, writes } from "./run-step.js";
export type { EmulatorLike, StepRun } from "./run-step.js";
export { exampleCopy, runExample } from "./examples.js";
