import { ComputeflowError } from "@computeflow/core";
import { readCompute, send, startDelete } from "./azure.js";

/**
 * @typedef {import("@computeflow/core").StepContext<any>} StepContext
 * @typedef {import("@computeflow/core").BodyContext} BodyContext
 * @typedef {import("@computeflow/core").ArmRequest} ArmRequest
 * @typedef {import("@computeflow/core").PlanEntry} PlanEntry
 * @typedef {import("@computeflow/core").StepResult} StepResult
 * @typedef {import("@computeflow/core").Operation} Operation
 * @typedef {{greeting: string, vm_size: string, max_nodes: number}} ProvisionInput `with`, defaults applied by core
 */

/**
 * The one request `provision` sends, side-effect free: `run` sends it, and `computeflow export
 * --format arm` and `run --engine arm` turn it into a template resource, so they cannot differ.
 * @param {ProvisionInput} input @param {BodyContext} ctx @returns {ArmRequest}
 */
export function provisionRequest(input, ctx) {
  const w = ctx.workspace;
  return {
    method: "PUT",
    path: `/subscriptions/${w.subscriptionId}/resourceGroups/${w.resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/${w.name}/computes/${ctx.computeName}`,
    apiVersion: "2021-07-01",
    body: {
      location: ctx.location,
      properties: {
        computeType: "AmlCompute",
        description: input.greeting,
        properties: { vmSize: input.vm_size, vmPriority: "Dedicated", scaleSettings: { minNodeCount: 0, maxNodeCount: input.max_nodes } },
      },
    },
  };
}

/** @param {string} name @param {any} compute */
function outputsOf(name, compute) {
  return { name, id: compute?.id ?? null, greeting: compute?.properties?.description ?? null, provisioning_state: compute?.properties?.provisioningState ?? null };
}

/** @param {string} name @param {"ready" | "gone"} until @returns {Operation} */
function waitFor(name, until) {
  return {
    description: until === "ready" ? `creating hello cluster ${name}` : `deleting hello cluster ${name}`,
    compute: name,
    async check(reader) {
      const compute = /** @type {any} */ (await reader.compute(name));
      if (until === "gone") return compute === undefined ? { done: true, outputs: { name } } : { done: false };
      const state = compute?.properties?.provisioningState;
      if (state === "Failed" || state === "Canceled") {
        const first = compute.properties.provisioningErrors?.[0]?.error;
        return { done: true, error: new ComputeflowError({ code: "E_PROVISIONING_FAILED", errorClass: "validation", message: `hello cluster ${name} ${state === "Failed" ? "failed" : "was canceled"}: ${first?.code ?? ""} ${first?.message ?? ""}`.trim(), hint: "delete it and run again" }) };
      }
      if (state !== "Succeeded") return { done: false, progress: { provisioningState: state ?? "Creating" } };
      return { done: true, outputs: outputsOf(name, compute) };
    },
  };
}

/**
 * Reads, never writes. Refusals are core's: a plan says "blocked" or "replace-required", and
 * core refuses the step before `apply` is called.
 * @param {StepContext} ctx @returns {Promise<PlanEntry>}
 */
export async function plan(ctx) {
  const compute = /** @type {any} */ (await readCompute(ctx));
  /** @type {ProvisionInput} */
  const want = ctx.with;
  if (!compute) return { change: "create", summary: `create a hello cluster saying "${want.greeting}"` };
  if (compute.properties?.computeType !== "AmlCompute") return { change: "blocked", code: "E_NAME_TAKEN", reason: `the name is taken by a ${compute.properties?.computeType} compute`, hint: "rename the step" };
  const max = compute.properties?.properties?.scaleSettings?.maxNodeCount;
  if (compute.properties.description !== want.greeting || max !== want.max_nodes) {
    return { change: "replace-required", reason: "a hello cluster never changes: delete it to change it", diff: [{ path: "properties.description", from: compute.properties.description, to: want.greeting }] };
  }
  return { change: "noop", summary: "hello cluster is there" };
}

/** @param {StepContext} ctx @returns {Promise<PlanEntry>} */
export async function planDelete(ctx) {
  return (await readCompute(ctx)) ? { change: "delete" } : { change: "noop", summary: "already gone" };
}

/** Sends exactly `provisionRequest`, then hands the wait to core's poller. @param {StepContext} ctx @returns {Promise<StepResult>} */
export async function provision(ctx) {
  const entry = ctx.plan ?? (await plan(ctx));
  if (entry.change === "noop") return { changed: false, outputs: outputsOf(ctx.step.name, await readCompute(ctx)) };
  const { location = "" } = await ctx.azure.reads.workspace(ctx.workspace);
  await send(ctx, provisionRequest(ctx.with, ctx.bodyContext(location)));
  return { operation: waitFor(ctx.step.name, "ready") };
}

/** @param {StepContext} ctx @returns {Promise<StepResult>} */
export async function remove(ctx) {
  const entry = ctx.plan ?? (await planDelete(ctx));
  if (entry.change === "noop") return { changed: false, outputs: { name: ctx.step.name } };
  await startDelete(ctx);
  return { operation: waitFor(ctx.step.name, "gone") };
}
