import { ComputeflowError } from "@computeflow/core";
import { readCompute, startCreate, startDelete } from "./azure.js";
import { provisionSchema } from "./schema.js";

/**
 * @typedef {import("@computeflow/core").StepContext<any>} StepContext
 * @typedef {import("@computeflow/core").PlanEntry} PlanEntry
 * @typedef {import("@computeflow/core").StepResult} StepResult
 * @typedef {import("@computeflow/core").Operation} Operation
 */

/** `with` plus the schema's defaults. @param {Record<string, unknown>} input */
function resolved(input) {
  const defaults = Object.fromEntries(Object.entries(provisionSchema.properties).filter(([, s]) => "default" in s).map(([k, s]) => [k, /** @type {any} */ (s).default]));
  return /** @type {{greeting: string, vm_size: string, max_nodes: number}} */ ({ ...defaults, ...input });
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
      if (state === "Failed") {
        const first = compute.properties.provisioningErrors?.[0]?.error;
        return { done: true, error: new ComputeflowError({ code: "E_PROVISIONING_FAILED", errorClass: "validation", message: `hello cluster ${name} failed: ${first?.code ?? ""} ${first?.message ?? ""}`.trim(), hint: "delete it and run again" }) };
      }
      if (state !== "Succeeded") return { done: false, progress: { provisioningState: state ?? "Creating" } };
      return { done: true, outputs: outputsOf(name, compute) };
    },
  };
}

/** Reads, never writes. @param {StepContext} ctx @returns {Promise<PlanEntry>} */
export async function plan(ctx) {
  const compute = /** @type {any} */ (await readCompute(ctx));
  if (ctx.step.action === "delete") return compute ? { change: "delete" } : { change: "noop", summary: "already gone" };
  if (!compute) return { change: "create", summary: `create a hello cluster saying "${resolved(ctx.with).greeting}"` };
  if (compute.properties?.computeType !== "AmlCompute") return { change: "blocked", code: "E_NAME_TAKEN", reason: `the name is taken by a ${compute.properties?.computeType} compute`, hint: "rename the step" };
  const want = resolved(ctx.with);
  const max = compute.properties?.properties?.scaleSettings?.maxNodeCount;
  if (compute.properties.description !== want.greeting || max !== want.max_nodes) {
    return { change: "replace-required", reason: "a hello cluster never changes: delete it to change it", diff: [{ path: "properties.description", from: compute.properties.description, to: want.greeting }] };
  }
  return { change: "noop", summary: "hello cluster is there" };
}

/** @param {PlanEntry} entry */
function refuse(entry) {
  return new ComputeflowError({ code: entry.code ?? "E_REPLACE_REQUIRED", errorClass: "validation", message: entry.reason ?? entry.change, ...(entry.hint ? { hint: entry.hint } : {}) });
}

/** @param {StepContext} ctx @returns {Promise<StepResult>} */
export async function provision(ctx) {
  const entry = ctx.plan ?? (await plan(ctx));
  if (entry.change === "noop") return { changed: false, outputs: outputsOf(ctx.step.name, await readCompute(ctx)) };
  if (entry.change !== "create") throw refuse(entry);
  await startCreate(ctx, resolved(ctx.with));
  return { operation: waitFor(ctx.step.name, "ready") };
}

/** @param {StepContext} ctx @returns {Promise<StepResult>} */
export async function remove(ctx) {
  const entry = ctx.plan ?? (await plan(ctx));
  if (entry.change === "noop") return { changed: false, outputs: { name: ctx.step.name } };
  await startDelete(ctx);
  return { operation: waitFor(ctx.step.name, "gone") };
}
