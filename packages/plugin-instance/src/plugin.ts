import { asWritten } from "@computeflow/compute-kit";
import { defineAction, definePlugin, PLUGIN_API_VERSION, type StepContext } from "@computeflow/core";
import { runConfigWithSchema, type RunConfigWith } from "@computeflow/runconfig";
import { provisionRequest } from "./body.js";
import { checkInstance } from "./check.js";
import { checkInstanceRun, configureInstanceRun, planInstanceRun } from "./configure-run.js";
import { deleteInstance, planDeleteInstance } from "./delete.js";
import type { ProvisionInput } from "./input.js";
import { instanceNameRules } from "./name-rules.js";
import { planProvision } from "./plan-provision.js";
import { planPower, power } from "./power.js";
import type { PowerAction } from "./sdk.js";
import { provision } from "./provision.js";
import { provisionSchema, targetSchema } from "./schema.js";

const typed = <T>(ctx: StepContext<any>) => ctx as unknown as StepContext<T>;
/** Field lists of a schema written as a plain JsonSchema (its `with` type is in input.ts, not derived). */
const fields = (...names: string[]) => names as never[];

const OUTPUTS = {
  name: "compute name (with the unique suffix when unique_name is set)",
  id: "ARM resource id of the compute",
  state: "instance state (Running, Stopped ...)",
  endpoints: "endpoint URIs of the instance's applications (Jupyter, JupyterLab ...)",
} as const;

/** `action: provision`: get-or-create, then the power state `state` asks for; destroy deletes the instance. */
export const provisionAction = defineAction({
  description: "Create the instance unless it exists (names are unique across the region).",
  schema: provisionSchema,
  outputs: OUTPUTS,
  claimsComputeName: true,
  computeName: instanceNameRules,
  label: "create",
  // run-time values as their ${{ }} text, as API 1 checks saw them
  check: (input, ctx) => checkInstance(asWritten<ProvisionInput>(input), ctx.computeName),
  body: (input, ctx) => provisionRequest(input as unknown as ProvisionInput, ctx),
  plan: (ctx) => planProvision(ctx),
  apply: (ctx) => provision(ctx),
  destroy: { label: "delete", plan: (ctx) => planDeleteInstance(ctx), apply: (ctx) => deleteInstance(ctx) },
});

/** `action: start | stop | restart`: one power operation on the instance named by `with.compute` (or the step). */
const powerAction = (action: PowerAction, description: string) =>
  defineAction({
    description,
    schema: targetSchema,
    outputs: OUTPUTS,
    label: action,
    plan: (ctx) => planPower(ctx, action),
    apply: (ctx) => power(ctx, action),
  });

/** `action: configure-run`: the v2 command job (or v1 .runconfig) that runs on the instance. */
export const configureRunAction = defineAction({
  description: "Write a v2 command job (jobs/<step>.yml, `az ml job create -f`) that runs on the instance; `format: v1` writes a .runconfig.",
  schema: runConfigWithSchema as unknown as Record<string, unknown>,
  pathFields: fields("conda_file"),
  writeFields: fields("path"),
  outputs: { path: "the job file (or .runconfig), relative to the workflow" },
  label: "write",
  check: (input) => checkInstanceRun(asWritten<RunConfigWith>(input)),
  plan: (ctx) => planInstanceRun(typed<RunConfigWith>(ctx)),
  apply: (ctx) => configureInstanceRun(typed<RunConfigWith>(ctx)),
});

/** `action: delete`: the instance named by `with.compute`, or the step's name. */
export const deleteAction = defineAction({
  description: "Delete the instance.",
  schema: targetSchema,
  outputs: { name: "the deleted compute" },
  label: "delete",
  plan: (ctx) => planDeleteInstance(ctx),
  apply: (ctx) => deleteInstance(ctx),
});

/** `uses: instance`: Azure Machine Learning compute instances (plugin API 2). */
export const instancePlugin = definePlugin({
  apiVersion: PLUGIN_API_VERSION,
  name: "instance",
  description: "Azure Machine Learning compute instances: provision (get-or-create), configure-run, start, stop, restart, delete.",
  actions: {
    provision: provisionAction,
    start: powerAction("start", "Start a stopped instance; ready when Running."),
    stop: powerAction("stop", "Stop the instance so it stops costing money; ready when Stopped."),
    restart: powerAction("restart", "Restart the instance; ready when Running again."),
    "configure-run": configureRunAction,
    delete: deleteAction,
  },
});
