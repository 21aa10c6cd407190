import { definePlugin } from "@computeflow/core";
import type { RunConfigWith } from "@computeflow/runconfig";
import { runConfigWithSchema } from "@computeflow/runconfig";
import type { DeleteInput } from "./delete.js";
import type { ProvisionInput } from "./input.js";
import { checkProvision } from "./check.js";
import { checkConfigureRun, configureRun } from "./configure-run.js";
import { deleteCompute } from "./delete.js";
import { clusterNameRules } from "./name-rules.js";
import { plan } from "./plan.js";
import { provision } from "./provision.js";
import { provisionSchema } from "./schema.js";

export { provisionSchema, withDefaults } from "./schema.js";
export { provisionParameterDocs } from "./parameter-docs.js";
export type { ParameterDoc } from "./parameter-docs.js";
export { renderParameterTable, replaceTable } from "./readme-table.js";
export { hasVnet, subnetResourceId, vnetProblems } from "./vnet.js";
export type { VnetInput } from "./vnet.js";
export { provisioningDetails, provisioningFailure } from "./arm-error.js";
export { vmSizeProblem } from "./vm-size.js";
export { blockedError, replaceRefused } from "./blocked-error.js";
export type { ProvisionInput } from "./input.js";
export { beginCreateOrUpdate, beginDelete, getCompute } from "./arm.js";
export { replaceOperation } from "./replace.js";
export { preflight } from "./preflight.js";
export type { PreflightRequest } from "./preflight.js";
export { deleteCompute, planDelete } from "./delete.js";
export type { DeleteInput } from "./delete.js";

export default definePlugin({
  apiVersion: 1,
  name: "amlcompute",
  description: "Azure Machine Learning compute clusters (AmlCompute): provision, configure runs, delete.",
  actions: {
    provision: {
      description: "Create the cluster, or bring an existing one to the spec (get-or-create).",
      schema: provisionSchema,
      secretFields: ["admin_user_password"],
      outputs: {
        name: "compute name",
        id: "ARM resource id of the compute",
        principal_id: "principal id of the system-assigned identity (null without one)",
        vm_size: "VM size of the nodes",
        max_nodes: "most nodes the cluster scales to",
      },
      claimsComputeName: true,
      computeName: clusterNameRules,
      check: (input: ProvisionInput, ctx) => checkProvision(input, ctx),
      destroy: "delete",
    },
    "configure-run": {
      description: "Write a v2 command job (jobs/<step>.yml, `az ml job create -f`) that targets the cluster; `format: v1` writes a .runconfig.",
      schema: runConfigWithSchema as unknown as Record<string, unknown>,
      pathFields: ["conda_file"],
      writeFields: ["path"],
      outputs: { path: "the job file (or .runconfig), relative to the workflow", compute: "the target compute" },
      check: (input: RunConfigWith) => checkConfigureRun(input),
    },
    delete: {
      description: "Delete the cluster (and its nodes).",
      schema: { type: "object", additionalProperties: false, properties: { compute: { type: "string", minLength: 1, description: "Compute to delete; defaults to the step's name." } } },
      outputs: { name: "the deleted compute" },
    },
  },
  plan,
  provision,
  configureRun: (ctx) => configureRun(ctx),
  delete: (ctx) => deleteCompute(ctx as import("@computeflow/core").StepContext<DeleteInput>),
});
