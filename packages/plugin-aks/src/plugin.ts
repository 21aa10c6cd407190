import { asWritten } from "@computeflow/compute-kit";
import { defineAction, definePlugin, PLUGIN_API_VERSION, type StepContext } from "@computeflow/core";
import { checkAttach, checkProvision } from "./check.js";
import { COMPUTE_OUTPUTS } from "./compute-view.js";
import { attach, detach, provision, deleteCompute } from "./hooks.js";
import type { AttachInput, ProvisionInput } from "./input.js";
import { attachRequest, clusterResourceId, provisionRequest } from "./body.js";
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

const typed = <T>(ctx: StepContext<any>) => ctx as unknown as StepContext<T>;
/** Field lists of a schema written as a plain JsonSchema (its `with` type is in input.ts, not derived). */
const fields = (...names: string[]) => names as never[];
const planStep = (ctx: StepContext<any>) => plan(ctx as StepContext<Record<string, unknown>>);

/** `action: provision`: create (or update the TLS / load balancer of) a cluster; destroy deletes it. */
export const provisionAction = defineAction({
  description: "Create (or update the TLS / load balancer of) an AKS cluster the workspace owns.",
  schema: provisionSchema,
  secretFields: fields(...tlsSecrets),
  pathFields: fields(...tlsFiles),
  outputs: COMPUTE_OUTPUTS,
  claimsComputeName: true,
  computeName,
  label: "create",
  check: (input) => checkProvision(asWritten(input)),
  body: (input, ctx) => provisionRequest(input as ProvisionInput, ctx),
  plan: planStep,
  apply: (ctx) => provision(typed<ProvisionInput>(ctx)),
  destroy: { label: "delete", plan: planStep, apply: (ctx) => deleteCompute(ctx) },
});

/** `action: attach`: attach an existing cluster; changed settings re-attach it; destroy detaches it. */
export const attachAction = defineAction({
  description: "Attach an existing AKS cluster; changed settings (TLS ...) re-attach it (detach + attach).",
  schema: attachSchema,
  secretFields: fields(...tlsSecrets),
  pathFields: fields(...tlsFiles),
  outputs: COMPUTE_OUTPUTS,
  claimsComputeName: true,
  computeName,
  label: "attach",
  check: (input) => checkAttach(asWritten(input)),
  attachedResource: (raw, ctx) => {
    const input = asWritten<AttachInput>(raw); // run-time values as their ${{ }} text, as API 1 checks saw them
    return input.resource_id !== undefined || (input.resource_group !== undefined && input.cluster_name !== undefined)
      ? clusterResourceId(input, { ...ctx.workspace }).toLowerCase()
      : undefined;
  },
  body: (input, ctx) => attachRequest(input as AttachInput, ctx),
  plan: planStep,
  apply: (ctx) => attach(typed<AttachInput>(ctx)),
  destroy: { label: "detach", plan: planStep, apply: (ctx) => detach(ctx) },
});

/** `uses: aks`: Azure Kubernetes Service through Azure ML (api-version 2021-07-01, computeType AKS). Plugin API 2. */
export const aksPlugin = definePlugin({
  apiVersion: PLUGIN_API_VERSION,
  name: "aks",
  description: "Provision a new Azure Kubernetes Service cluster through Azure ML, or attach an existing one.",
  actions: {
    provision: provisionAction,
    attach: attachAction,
    detach: defineAction({ description: "Detach the AKS cluster; the cluster itself is kept.", schema: noInputSchema, outputs: { name: "Compute name that was detached." }, label: "detach", plan: planStep, apply: (ctx) => detach(ctx) }),
    delete: defineAction({ description: "Delete an AKS compute the workspace provisioned (and its cluster).", schema: noInputSchema, outputs: { name: "Compute name that was deleted." }, label: "delete", plan: planStep, apply: (ctx) => deleteCompute(ctx) }),
  },
});
