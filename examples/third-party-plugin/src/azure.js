import { classifyAzureError } from "@computeflow/core";

/** @typedef {import("@computeflow/core").StepContext<any>} StepContext */

/**
 * Every Azure call of the plugin, through the clients core hands to hooks (rate limited,
 * retried, journaled). None waits for an operation: core's shared poller does.
 */

/** @param {StepContext} ctx */
export async function readCompute(ctx) {
  const ml = await ctx.azure.ml();
  try {
    return await ml.computeOperations.get(ctx.workspace.resourceGroup, ctx.workspace.name, ctx.step.name, { abortSignal: ctx.signal });
  } catch (error) {
    if (/** @type {{statusCode?: number}} */ (error).statusCode === 404) return undefined;
    throw classifyAzureError(error);
  }
}

/**
 * Starts the create; the SDK's poller is dropped on purpose.
 * @param {StepContext} ctx
 * @param {{greeting: string, vm_size: string, max_nodes: number}} input
 */
export async function startCreate(ctx, input) {
  const ml = await ctx.azure.ml();
  try {
    const ws = await ml.workspaces.get(ctx.workspace.resourceGroup, ctx.workspace.name);
    await ml.computeOperations.beginCreateOrUpdate(ctx.workspace.resourceGroup, ctx.workspace.name, ctx.step.name, {
      location: ws.location,
      properties: {
        computeType: "AmlCompute",
        description: input.greeting,
        properties: { vmSize: input.vm_size, vmPriority: "Dedicated", scaleSettings: { minNodeCount: 0, maxNodeCount: input.max_nodes } },
      },
    });
  } catch (error) {
    throw classifyAzureError(error);
  }
}

/** @param {StepContext} ctx */
export async function startDelete(ctx) {
  const ml = await ctx.azure.ml();
  try {
    await ml.computeOperations.beginDelete(ctx.workspace.resourceGroup, ctx.workspace.name, ctx.step.name, "Delete");
  } catch (error) {
    if (/** @type {{statusCode?: number}} */ (error).statusCode !== 404) throw classifyAzureError(error);
  }
}
