import { definePlugin } from "@computeflow/core";
import { plan, provision, remove } from "./hooks.js";
import { deleteSchema, OUTPUTS, provisionSchema } from "./schema.js";

/**
 * computeflow-plugin-hello: a small Azure ML compute cluster that carries a greeting.
 * It imports nothing but `@computeflow/core`'s public entry point.
 */
export default definePlugin({
  apiVersion: 1, // plugin API 1 (loaded through core's adapter) until this plugin moves to defineAction
  name: "hello",
  description: "A small AmlCompute cluster (0 to max_nodes nodes) that carries a greeting.",
  actions: {
    provision: {
      description: "Create the cluster; a second run changes nothing.",
      schema: provisionSchema,
      outputs: OUTPUTS,
      claimsComputeName: true,
      computeName: { minLength: 2, maxLength: 16, pattern: "^[a-zA-Z][a-zA-Z0-9-]*$", description: "2-16 letters, digits or hyphens, starting with a letter" },
      destroy: "delete",
    },
    delete: { description: "Delete the cluster.", schema: deleteSchema, outputs: { name: "Compute name that was deleted." } },
  },
  plan,
  provision,
  delete: remove,
});
