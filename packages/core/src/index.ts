/**
 * STOP! These exports are the public API of @computeflow/core: what the CLI and
 * third-party plugins may import. Everything else is internal and may change.
 * `package.json#exports` exposes only "." and "./testing", so deep imports fail.
 *
 * Plugins need the contract and the errors below (docs/plugins.md); their tests use
 * `@computeflow/core/testing` (createStepContext, pollOperation, runWorkflow,
 * checkConformance). The workflow loader, the graph and the engine are what the CLI is
 * built from. Details live with each declaration (plugin.ts documents every hook and field).
 */

// The plugin contract (plugins): packages/core/src/plugin.ts documents every field and hook
export { defineAction, definePlugin, isUnresolved, PLUGIN_API_VERSION, STANDARD_LABELS } from "./plugin.js";
export { asWritten } from "./as-written.js";
export type {
  ActionDefinition,
  AnyAction,
  ArmRequest,
  ArmSend,
  ArmSendReply,
  AzureAccess,
  BodyContext,
  ChangeKind,
  Checkable,
  CheckContext,
  CheckInput,
  CheckProblem,
  ComputeNameRules,
  DestroyDefinition,
  Effect,
  FieldChange,
  JsonSchema,
  NodeCounts,
  Operation,
  OperationStatus,
  Outputs,
  OutputValue,
  PlanEntry,
  Plugin,
  PollReader,
  Progress,
  SharedReads,
  StepContext,
  StepLogger,
  StepResult,
  TypedSchema,
  Unresolved,
  WithOf,
  WorkspaceRef,
} from "./plugin.js";
// Plugin API 1, still loaded through an adapter (plugin-v1.ts; deprecated).
export { hookNameFor } from "./plugin-v1.js";
export type { ActionHook, ActionSpec, PlanHook, PluginV1 } from "./plugin-v1.js";

// Errors (plugins and CLI): one error type with a stable `code`, an `errorClass` the retry
// policy reads, a `hint` and ARM's details; recognise it with isComputeflowError (a brand, not instanceof).
export { ComputeflowError, ErrorCodes, isComputeflowError } from "./errors.js";
export type { ArmErrorDetail, ComputeflowErrorOptions, ErrorClass, Problem, SourceLocation } from "./errors.js";
/** For plugins: anything an Azure SDK throws -> a ComputeflowError with ARM's code, class and retryability. */
export { armDetails, classifyAzureError, describeAzureError } from "./azure/classify-error.js";

// Workflow language and plugin loading (CLI): loadWorkflow collects every problem of a file
// (FILE:LINE:COL, code, hint) before anything runs; loadPlugin resolves `uses:` and wraps the plugin.
export { loadWorkflow } from "./workflow/load-workflow.js";
export { envelopeSchema } from "./workflow/envelope-schema.js";
export type { LoadOptions, LoadResult, ResolvedStep, ResolvedWorkflow } from "./workflow/types.js";
export type { StepDefaults, StepFile, WorkflowFile } from "./workflow/workflow-file.js";
export type { InputDefinition } from "./workflow/inputs.js";
export { loadPlugin } from "./plugins/load-plugin.js";
export { listPlugins } from "./plugins/list-plugins.js";
export { LoadedPlugin } from "./plugins/loaded-plugin.js";
export { DEFAULT_PLUGIN_TIME_LIMITS, setPluginTimeLimits } from "./plugins/time-limits.js";
export { E_UNEXPECTED_STATE, unexpectedStateError } from "./azure/unexpected-state.js";
export type { PluginTimeLimits } from "./plugins/time-limits.js";
export type { HookCall, HookCallListener } from "./plugins/loaded-plugin.js";
export type { InstalledPlugin } from "./plugins/list-plugins.js";

// Events (CLI): everything core says, already redacted; reporters render them.
export type { RunEvent, RunEventListener, RunMode, SerializedError, StepStatus } from "./runtime/events.js";

// Step graph (CLI, engine): dependencies from `needs:` and `${{ steps.* }}`, cycles, ready sets.
export { buildGraph, StepGraph } from "./graph/step-graph.js";
export { graphProblems } from "./graph/graph-problems.js";
export { Scheduler } from "./graph/scheduler.js";
export type { GraphStep, MissingNeed } from "./graph/step-graph.js";
export type { GraphProblemOptions } from "./graph/graph-problems.js";
export type { CompleteOptions, StepState } from "./graph/scheduler.js";

// Execution engine (CLI): runs a resolved workflow in plan / run / destroy mode with one shared poller.
export { runEngine, DEFAULT_CONCURRENCY } from "./runtime/engine.js";
export { combineWorkflows, labelsFor } from "./runtime/combine-workflows.js";
export type { LabelledWorkflow } from "./runtime/combine-workflows.js";
export type { EngineOptions, EngineResult } from "./runtime/engine.js";
export type { RequestTrace } from "./azure/request-gate.js";
export type { EnginePlugin, EngineStep, EngineWorkflow } from "./runtime/engine-types.js";
export { CLOUD_NAMES } from "./azure/clouds.js";
export { ML_API_VERSION, restErrorOf } from "./azure/ml-rest.js";
export { computePath } from "./azure/compute-reads.js";

// ARM engine (CLI): `export --format arm` compiles provision/attach steps into a deployment template.
export { exportArmTemplate } from "./arm-engine/export-template.js";
export type { ArmExport, ExportOptions } from "./arm-engine/export-template.js";
export type { ArmTemplate } from "./arm-engine/template-types.js";
export type { CloudName } from "./azure/clouds.js";
