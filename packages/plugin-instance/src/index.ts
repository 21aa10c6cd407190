import { definePlugin } from "@computeflow/core";
import type { ActionSpec, StepContext } from "@computeflow/core";
import { runConfigWithSchema, type RunConfigWith } from "@computeflow/runconfig";
import { checkInstanceRun, configureInstanceRun } from "./configure-run.js";
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
  description: "Azure Machine Learning compute instances: provision (get-or-create), configure-run, start, stop, restart, delete.",
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
    "configure-run": {
      description: "Write a v2 command job (jobs/<step>.yml, `az ml job create -f`) that runs on the instance; `format: v1` writes a .runconfig.",
      schema: runConfigWithSchema as unknown as Record<string, unknown>,
      pathFields: ["conda_file"],
      writeFields: ["path"],
      outputs: { path: "the job file (or .runconfig), relative to the workflow" },
      check: (input: RunConfigWith) => checkInstanceRun(input),
    },
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
  configureRun: (ctx: StepContext) => configureInstanceRun(ctx as unknown as StepContext<RunConfigWith>),
  delete: (ctx: StepContext) => deleteInstance(ctx),
});
