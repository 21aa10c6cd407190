import type { ScaleSettings } from "@azure/arm-machinelearningservices";
import type { StepContext } from "@computeflow/core";
import { startWrite } from "@computeflow/compute-kit";

// The Azure call only clusters make (the shared ones are compute-kit's): the initial
// request only, core polls.

/** PATCH the scale settings: the one in-place change that needs no PUT. */
export async function beginScale(ctx: StepContext<unknown>, name: string, scaleSettings: ScaleSettings): Promise<void> {
  const ml = await ctx.azure.ml();
  await startWrite(() => ml.computeOperations.beginUpdate(ctx.workspace.resourceGroup, ctx.workspace.name, name, { properties: { scaleSettings } }, { abortSignal: ctx.signal }));
}
