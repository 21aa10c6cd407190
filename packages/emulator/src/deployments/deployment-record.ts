import type { ArmErrorBody } from "../arm/arm-error.js";
import type { EmulatorState } from "../state/emulator-state.js";
import type { Template } from "./evaluate-template.js";

export type DeploymentState = "Accepted" | "Running" | "Succeeded" | "Failed" | "Canceled";

/** One resource of a deployment, as its deployment operation reports it. */
export interface ResourceOperation {
  operationId: string;
  index: number;
  /** Resource id (evaluated). */
  id: string;
  /** Workspace-relative name ("ws/compute") and compute name. */
  resourceName: string;
  compute: string;
  dependsOn: string[];
  state: "Pending" | "Running" | "Succeeded" | "Failed";
  provisioningOperation: "Create" | "Action";
  statusCode?: string;
  error?: ArmErrorBody;
  startedAt?: number;
  endedAt?: number;
}

export interface Deployment {
  id: string;
  name: string;
  subscription: string;
  resourceGroup: string;
  location: string;
  state: DeploymentState;
  correlationId: string;
  startedAt: number;
  endedAt?: number;
  template: Template;
  parameters: Record<string, unknown>;
  /** Parameter names whose values never leave the emulator (securestring). */
  secure: Set<string>;
  operations: ResourceOperation[];
  outputs?: Record<string, { type: string; value: unknown }>;
  error?: ArmErrorBody;
  /** The async-operation id the PUT handed out. */
  asyncId: string;
  timer?: ReturnType<typeof setTimeout>;
}

const stores = new WeakMap<EmulatorState, Map<string, Deployment>>();

/** Deployments live beside the rest of the emulator's state and go with it on reset. */
export function deploymentsOf(state: EmulatorState): Map<string, Deployment> {
  let store = stores.get(state);
  if (!store) stores.set(state, (store = new Map()));
  return store;
}

export function deploymentKey(subscription: string, resourceGroup: string, name: string): string {
  return `${subscription}/${resourceGroup}/${name}`.toLowerCase();
}

export function isActive(d: Deployment): boolean {
  return d.state === "Accepted" || d.state === "Running";
}

/** GET body of a deployment (api-version 2025-03-01 shape); secure parameters are never echoed. */
export function deploymentBody(d: Deployment): Record<string, unknown> {
  const end = d.endedAt ?? Date.now();
  const parameters = Object.fromEntries(Object.entries(d.parameters).map(([k, v]) => [k, d.secure.has(k) ? { type: "SecureString" } : { type: typeof v === "number" ? "Int" : typeof v === "boolean" ? "Bool" : "String", value: v }]));
  return {
    id: d.id,
    name: d.name,
    type: "Microsoft.Resources/deployments",
    properties: {
      provisioningState: d.state,
      timestamp: new Date(d.endedAt ?? d.startedAt).toISOString(),
      duration: `PT${((end - d.startedAt) / 1000).toFixed(3)}S`,
      correlationId: d.correlationId,
      mode: "Incremental",
      parameters,
      ...(d.outputs ? { outputs: d.outputs } : {}),
      outputResources: d.operations.filter((o) => o.state === "Succeeded").map((o) => ({ id: o.id })),
      ...(d.error ? { error: d.error } : {}),
    },
  };
}

/** One entry of the operations list. */
export function operationBody(d: Deployment, o: ResourceOperation): Record<string, unknown> {
  return {
    id: `${d.id}/operations/${o.operationId}`,
    operationId: o.operationId,
    properties: {
      provisioningOperation: o.provisioningOperation,
      provisioningState: o.state === "Pending" ? "Waiting" : o.state,
      timestamp: new Date(o.endedAt ?? o.startedAt ?? d.startedAt).toISOString(),
      duration: `PT${(((o.endedAt ?? Date.now()) - (o.startedAt ?? Date.now())) / 1000).toFixed(3)}S`,
      ...(o.statusCode ? { statusCode: o.statusCode } : {}),
      ...(o.error ? { statusMessage: { status: "Failed", error: o.error } } : {}),
      targetResource: { id: o.id, resourceType: "Microsoft.MachineLearningServices/workspaces/computes", resourceName: o.resourceName },
    },
  };
}
