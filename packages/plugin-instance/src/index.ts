import { definePlugin } from "@computeflow/core";
import type { ActionSpec, StepContext } from "@computeflow/core";
import { deleteInstance } from "./delete.js";
import type { InstanceInput } from "./input.js";
import { checkInstance } from "./check.js";
import { instanceNameRules } from "./name-rules.js";
import { plan } from "./plan.js";
import { power } from "./power.js";
import { provision } from "./provision.js";
import { provisionSchema, targetSchema } from "./schema.js";

export { provisionSchema, targetSchema } from "./schema.js";
export { provisionParameterDocs } from "./parameter-docs.js";
export { uniqueInstanceName } from "./name-rules.js";
export type { InstanceInput } from "./input.js";

const OUTPUTS = {
  name: "compute name (with the unique suffix when unique_name is set)",
  id: "ARM resource id of the compute",
  state: "instance state (Running, Stopped ...)",
  endpoints: "endpoint URIs of the instance's applications (Jupyter, JupyterLab ...)",
} as const;

const powerAction = (description: string): ActionSpec => ({ description, schema: targetSchema, outputs: OUTPUTS });

export default definePlugin({
  apiVersion: 1,
  name: "instance",
  description: "Azure Machine Learning compute instances: provision (get-or-create), start, stop, restart, delete.",
  actions: {
    provision: {
      description: "Create the instance unless it exists (names are unique across the region).",
      schema: provisionSchema,
      outputs: OUTPUTS,
      claimsComputeName: true,
      computeName: instanceNameRules,
      check: (input: InstanceInput, ctx) => checkInstance(input, ctx.computeName),
      destroy: "delete",
    },
    start: powerAction("Start a stopped instance; ready when Running."),
    stop: powerAction("Stop the instance so it stops costing money; ready when Stopped."),
    restart: powerAction("Restart the instance; ready when Running again."),
    delete: {
      description: "Delete the instance.",
      schema: targetSchema,
      outputs: { name: "the deleted compute" },
    },
  },
  plan,
  provision,
  start: (ctx: StepContext) => power(ctx, "start"),
  stop: (ctx: StepContext) => power(ctx, "stop"),
  restart: (ctx: StepContext) => power(ctx, "restart"),
  delete: (ctx: StepContext) => deleteInstance(ctx),
});
