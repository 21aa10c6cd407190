import { defineAction, definePlugin } from "@computeflow/core";
import { plan, planDelete, provision, provisionRequest, remove } from "./hooks.js";
import { deleteSchema, OUTPUTS, provisionSchema } from "./schema.js";

/**
 * `action: provision`, one unit: its schema, outputs, the request it sends (`body`), how it
 * plans and applies, and what `computeflow destroy` does with it. Core applies the schema's
 * defaults before any hook runs.
 */
export const provisionAction = defineAction({
  description: "Create the cluster; a second run changes nothing.",
  schema: provisionSchema,
  outputs: OUTPUTS,
  claimsComputeName: true,
  computeName: { minLength: 2, maxLength: 16, pattern: "^[a-zA-Z][a-zA-Z0-9-]*$", description: "2-16 letters, digits or hyphens, starting with a letter" },
  label: "create",
  body: (input, ctx) => provisionRequest(/** @type {import("./hooks.js").ProvisionInput} */ (input), ctx),
  plan,
  apply: provision,
  destroy: { label: "delete", plan: planDelete, apply: remove },
});

/** `action: delete`: the step's name is the compute. */
export const deleteAction = defineAction({
  description: "Delete the cluster.",
  schema: deleteSchema,
  outputs: { name: "Compute name that was deleted." },
  plan: planDelete,
  apply: remove,
});

/**
 * computeflow-plugin-hello: a small Azure ML compute cluster that carries a greeting.
 * It imports nothing but `@computeflow/core`'s public entry point (plugin API 2).
 */
export default definePlugin({
  apiVersion: 2,
  name: "hello",
  description: "A small AmlCompute cluster (0 to max_nodes nodes) that carries a greeting.",
  actions: { provision: provisionAction, delete: deleteAction },
});
