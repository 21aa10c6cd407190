import { definePlugin } from "@computeflow/core";
import { checkAttach, checkProvision } from "./check.js";
import { COMPUTE_OUTPUTS } from "./compute-view.js";
import { attach, detach, provision, deleteCompute } from "./hooks.js";
import type { AttachInput } from "./input.js";
import { clusterResourceId } from "./payload.js";
import { plan } from "./plan.js";
import { attachSchema, noInputSchema, provisionSchema } from "./schema.js";

const computeName = {
  minLength: 2,
  maxLength: 16,
  pattern: "^[a-zA-Z][a-zA-Z0-9-]*$",
  description: "2 to 16 characters: letters, digits and hyphens, starting with a letter",
};
const tlsFiles = ["ssl_cert_pem_file", "ssl_key_pem_file"] as const;
const tlsSecrets = ["ssl_cert", "ssl_key"] as const;

/** `uses: aks`: Azure Kubernetes Service through Azure ML (api-version 2021-07-01, computeType AKS). */
export const aksPlugin = definePlugin({
  apiVersion: 1, // plugin API 1 (loaded through core's adapter) until this plugin moves to defineAction
  name: "aks",
  description: "Provision a new Azure Kubernetes Service cluster through Azure ML, or attach an existing one.",
  actions: {
    provision: {
      description: "Create (or update the TLS / load balancer of) an AKS cluster the workspace owns.",
      schema: provisionSchema,
      secretFields: tlsSecrets,
      pathFields: tlsFiles,
      outputs: COMPUTE_OUTPUTS,
      claimsComputeName: true,
      computeName,
      check: checkProvision,
      destroy: "delete",
    },
    attach: {
      description: "Attach an existing AKS cluster; changed settings (TLS ...) re-attach it (detach + attach).",
      schema: attachSchema,
      secretFields: tlsSecrets,
      pathFields: tlsFiles,
      outputs: COMPUTE_OUTPUTS,
      claimsComputeName: true,
      computeName,
      check: checkAttach,
      attachedResource: (input: AttachInput, ctx) =>
        input.resource_id !== undefined || (input.resource_group !== undefined && input.cluster_name !== undefined)
          ? clusterResourceId(input, { ...ctx.workspace }).toLowerCase()
          : undefined,
      destroy: "detach",
    },
    detach: { description: "Detach the AKS cluster; the cluster itself is kept.", schema: noInputSchema, outputs: { name: "Compute name that was detached." } },
    delete: { description: "Delete an AKS compute the workspace provisioned (and its cluster).", schema: noInputSchema, outputs: { name: "Compute name that was deleted." } },
  },
  plan,
  provision,
  attach,
  detach,
  delete: deleteCompute,
});
