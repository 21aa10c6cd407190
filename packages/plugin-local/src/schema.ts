import type { JsonSchema } from "@computeflow/core";
import { runConfigWithSchema } from "@computeflow/runconfig";

const { compute: _compute, ...shared } = runConfigWithSchema.properties;

/**
 * `with` of `action: configure-run`: the run configuration fields every target shares,
 * minus `compute` (a local run has no compute target: the target is always `local`).
 */
export const configureRunSchema: JsonSchema = {
  type: "object",
  additionalProperties: false,
  properties: shared,
};
