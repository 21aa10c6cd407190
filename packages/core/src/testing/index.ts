/**
 * @computeflow/core/testing: run plugin hooks and workflows through the real engine
 * against an emulator. Public API for plugin authors' tests.
 */
export { createStepContext, type CreateStepContextOptions } from "./create-step-context.js";
export { pollOperation } from "./poll-operation.js";
export { EMULATOR_WORKSPACE } from "./default-workspace.js";
export { FakeClock } from "../runtime/fake-clock.js";
export { assertConformance, checkConformance } from "./conformance.js";
export type { ConformanceCase, ConformanceCheck, ConformanceErrorCase, ConformanceOptions, ConformanceReport } from "./conformance.js";
export { runWorkflow, type RunWorkflowOptions, type RunWorkflowResult } from "./run-workflow.js";
export { fakeStep, fakeWorkflow, type FakeStepOptions } from "./fake-step.js";
export { loadedPlugin, runPluginStep, type PluginStepRun } from "./run-plugin-step.js";
export { applyDefaults } from "./defaults.js";
