import { defineAction, definePlugin, PLUGIN_API_VERSION, type StepContext } from "@computeflow/core";
import { asWritten, deleteCompute, deleteSchema, planDelete } from "@computeflow/compute-kit";
import { runConfigWithSchema, type RunConfigWith } from "@computeflow/runconfig";
import { provisionRequest } from "./body.js";
import { checkProvision } from "./check.js";
import { checkConfigureRun, configureRun, planConfigureRun } from "./configure-run.js";
import type { ProvisionInput } from "./input.js";
import { clusterNameRules } from "./name-rules.js";
import { planProvision } from "./plan-provision.js";
import { provision } from "./provision.js";
import { provisionSchema } from "./schema.js";

const typed = <T>(ctx: StepContext<any>) => ctx as unknown as StepContext<T>;
/** Field lists of a schema written as a plain JsonSchema (its `with` type is ProvisionInput, not derived). */
const fields = (...names: string[]) => names as never[];

/** `action: provision`, one unit: schema, outputs, check, body, plan, apply; destroy deletes the cluster. */
export const provisionAction = defineAction({
  description: "Create the cluster, or bring an existing one to the spec (get-or-create).",
  schema: provisionSchema,
  secretFields: fields("admin_user_password"),
  outputs: {
    name: "compute name",
    id: "ARM resource id of the compute",
    principal_id: "principal id of the system-assigned identity (null without one)",
    vm_size: "VM size of the nodes",
    max_nodes: "most nodes the cluster scales to",
  },
  claimsComputeName: true,
  computeName: clusterNameRules,
  label: "create",
  check: (input, ctx) => checkProvision(input as unknown as ProvisionInput, ctx),
  body: (input, ctx) => provisionRequest(input as unknown as ProvisionInput, ctx),
  plan: (ctx) => planProvision(typed<ProvisionInput>(ctx)),
  apply: (ctx) => provision(typed<ProvisionInput>(ctx)),
  destroy: { label: "delete", plan: (ctx) => planDelete(ctx), apply: (ctx) => deleteCompute(ctx) },
});

/** `action: configure-run`: the v2 command job (or v1 .runconfig) that targets the cluster. */
export const configureRunAction = defineAction({
  description: "Write a v2 command job (jobs/<step>.yml, `az ml job create -f`) that targets the cluster; `format: v1` writes a .runconfig.",
  schema: runConfigWithSchema as unknown as Record<string, unknown>,
  pathFields: fields("conda_file"),
  writeFields: fields("path"),
  outputs: { path: "the job file (or .runconfig), relative to the workflow", compute: "the target compute" },
  check: (input) => checkConfigureRun(asWritten<RunConfigWith>(input)),
  plan: (ctx) => planConfigureRun(typed<RunConfigWith>(ctx)),
  apply: (ctx) => configureRun(typed<RunConfigWith>(ctx)),
});

/** `action: delete`: the cluster named by `with.compute`, or the step's name. */
export const deleteAction = defineAction({
  description: "Delete the cluster (and its nodes).",
  schema: deleteSchema,
  outputs: { name: "the deleted compute" },
  plan: (ctx) => planDelete(ctx),
  apply: (ctx) => deleteCompute(ctx),
});

/** `uses: amlcompute`: Azure Machine Learning compute clusters (plugin API 2). */
export const amlcomputePlugin = definePlugin({
  apiVersion: PLUGIN_API_VERSION,
  name: "amlcompute",
  description: "Azure Machine Learning compute clusters (AmlCompute): provision, configure runs, delete.",
  actions: { provision: provisionAction, "configure-run": configureRunAction, delete: deleteAction },
});
