import { definePlugin } from "@computeflow/core";
import type { RunConfigWith } from "@computeflow/runconfig";
import { runConfigWithSchema } from "@computeflow/runconfig";
import type { ProvisionInput } from "./input.js";
import { checkProvision } from "./check.js";
import { checkConfigureRun, configureRun } from "./configure-run.js";
import { deleteCompute, deleteSchema } from "@computeflow/compute-kit";
import { clusterNameRules } from "./name-rules.js";
import { plan } from "./plan.js";
import { provision } from "./provision.js";
import { provisionSchema } from "./schema.js";

export { provisionSchema } from "./schema.js";
export { provisionParameterDocs } from "./parameter-docs.js";
export type { ProvisionInput } from "./input.js";

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
      schema: deleteSchema,
      outputs: { name: "the deleted compute" },
    },
  },
  plan,
  provision,
  configureRun: (ctx) => configureRun(ctx),
  delete: (ctx) => deleteCompute(ctx),
});
