export { runStep } from "./run-step.js";
export type { EmulatorLike, StepRun } from "./run-step.js";
