import type { DeploymentExtended, DeploymentOperation, ResourceManagementClient, WhatIfOperationResult } from "@azure/arm-resources";
import { classifyAzureError } from "../azure/classify-error.js";
import type { AzureAccess, WorkspaceRef } from "../plugin.js";
import type { CompiledTemplate } from "./compile-template.js";

/** ARM's deployment states that are still moving. */
const ACTIVE = new Set(["accepted", "running", "creating", "created", "validating", "waiting", "deploying", "updating", "ready"]);

export function isActiveState(state: string | undefined): boolean {
  return ACTIVE.has((state ?? "").toLowerCase());
}

/** One name per workflow, so any later run (or `--resume`) finds a deployment still in flight. */
export function deploymentName(workflow: string): string {
  return `computeflow-${workflow}`.replace(/[^A-Za-z0-9_().-]/g, "-").slice(0, 64);
}

/** Deployments of one resource group through @azure/arm-resources, every request through core's gate. */
export class DeploymentClient {
  private client: Promise<ResourceManagementClient> | undefined;

  constructor(
    private readonly azure: AzureAccess,
    readonly workspace: WorkspaceRef,
    readonly name: string,
  ) {}

  private sdk(): Promise<ResourceManagementClient> {
    this.client ??= import("@azure/arm-resources").then(({ ResourceManagementClient }) => new ResourceManagementClient(this.azure.credential, this.workspace.subscriptionId, this.azure.clientOptions()));
    return this.client;
  }

  async get(signal?: AbortSignal): Promise<DeploymentExtended | undefined> {
    const sdk = await this.sdk();
    try {
      return await sdk.deployments.get(this.workspace.resourceGroup, this.name, { abortSignal: signal });
    } catch (error) {
      if (classifyAzureError(error).status === 404) return undefined;
      throw error;
    }
  }

  async operations(signal?: AbortSignal): Promise<DeploymentOperation[]> {
    const sdk = await this.sdk();
    const out: DeploymentOperation[] = [];
    for await (const op of sdk.deploymentOperations.list(this.workspace.resourceGroup, this.name, { abortSignal: signal })) out.push(op);
    return out;
  }

  /** Sends the PUT only (the poller follows the deployment); "active" when one is already running under this name. */
  async submit(compiled: CompiledTemplate, signal?: AbortSignal): Promise<"submitted" | "active"> {
    const sdk = await this.sdk();
    try {
      await sdk.deployments.beginCreateOrUpdate(this.workspace.resourceGroup, this.name, this.request(compiled), { abortSignal: signal, updateIntervalInMs: 3_600_000 });
      return "submitted";
    } catch (error) {
      const failure = classifyAzureError(error);
      if (failure.status === 409 && failure.arm?.some((d) => d.code === "DeploymentActive")) return "active";
      throw error;
    }
  }

  async whatIf(compiled: CompiledTemplate, signal?: AbortSignal): Promise<WhatIfOperationResult> {
    const sdk = await this.sdk();
    return sdk.deployments.beginWhatIfAndWait(this.workspace.resourceGroup, this.name, this.request(compiled), { abortSignal: signal });
  }

  private request(compiled: CompiledTemplate) {
    const parameters = Object.fromEntries(Object.entries(compiled.secureValues).map(([k, value]) => [k, { value }]));
    return { properties: { mode: "Incremental" as const, template: compiled.template as unknown as Record<string, unknown>, parameters } };
  }
}
