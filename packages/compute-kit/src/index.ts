/**
 * @computeflow/compute-kit: the compute lifecycle every compute plugin shares (amlcompute,
 * instance, aks, kubernetes, and the attach plugins through attach-kit). Plugins are
 * schemas, body builders and plan rules on top of it; no plugin imports another.
 * Refusing a blocked or replace-required step is core's job, never a plugin's.
 */
export { getCompute, listUsages, listVmSizes, putCompute, readCompute, removeCompute, workspaceLocation } from "./sdk.js";
export { startWrite } from "./lro-start.js";
export { armRequest } from "./arm-request.js";
export type { ArmReply } from "./arm-request.js";
export { provisioningOutcome, readiness, untilReady } from "./readiness.js";
export type { ProvisioningOutcome, ReadinessRules } from "./readiness.js";
export { provisioningDetails, provisioningFailure } from "./provisioning-failure.js";
export { untilGone } from "./until-gone.js";
export { removeThenPut } from "./remove-then-put.js";
export { deleteCompute, deleteSchema, deleteTarget, planDelete } from "./delete-action.js";
export { preflight } from "./preflight.js";
export type { PreflightRequest } from "./preflight.js";
export { findVmSize, vmSizeProblem } from "./vm-size.js";
export { poolsFor, quotaProblem } from "./quota.js";
export { hasVnet, subnetResourceId, vnetProblems } from "./vnet.js";
export type { VnetInput } from "./vnet.js";
export { renderParameterTable, replaceTable, TABLE_END, TABLE_START } from "./parameter-table.js";
export type { ParameterDoc } from "./parameter-table.js";
// Core's: its reads and the plugins' writes name a compute and pick the api-version one way.
export { computePath, ML_API_VERSION } from "@computeflow/core";
export { asWritten } from "@computeflow/core";
