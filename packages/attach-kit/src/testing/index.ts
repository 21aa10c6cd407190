export { runStep } from "./run-step.js";
export type { EmulatorLike, StepRun } from "./run-step.js";
export { assertAttachConformance } from "./conformance.js";
export type { AttachConformanceCases } from "./conformance.js";
