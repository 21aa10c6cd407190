import { armDetails, classifyAzureError, describeAzureError } from "@computeflow/core";

/**
 * @typedef {import("@computeflow/core").StepContext<any>} StepContext
 * @typedef {import("@computeflow/core").ArmSend} ArmSend
 */

/**
 * Every Azure call of the plugin, through `ctx.azure`: core's pipeline (rate limited, retried,
 * journaled), with no Azure SDK package of the plugin's own. None waits for an operation: core's
 * shared poller does.
 */

/** The compute, or undefined when there is none. @param {StepContext} ctx */
export async function readCompute(ctx) {
  return ctx.azure.reads.compute(ctx.workspace, ctx.step.name);
}

/** Sends one request; an ARM error becomes core's error (classified, with ARM's details). @param {StepContext} ctx @param {ArmSend} request */
export async function send(ctx, request) {
  const reply = await ctx.azure.send(request, ctx.signal);
  if (reply.status >= 400) {
    throw describeAzureError({ statusCode: reply.status, details: { error: armDetails(reply.bodyAsText)?.[0] } }, `${request.method} ${ctx.step.name}`);
  }
  return reply;
}

/**
 * Starts the delete through the ML client core shares (the query carries
 * underlyingResourceAction, which the SDK builds); a compute already gone is fine.
 * @param {StepContext} ctx
 */
export async function startDelete(ctx) {
  const ml = await ctx.azure.ml();
  try {
    await ml.computeOperations.beginDelete(ctx.workspace.resourceGroup, ctx.workspace.name, ctx.step.name, "Delete");
  } catch (error) {
    if (/** @type {{statusCode?: number}} */ (error).statusCode !== 404) throw classifyAzureError(error);
  }
}
