import { asWritten, defineAction, definePlugin, type StepContext } from "@computeflow/core";
import { checkLocalRun, type LocalRunWith } from "./check.js";
import { configureRun, OUTPUTS, plan } from "./local-run.js";
import { configureRunSchema } from "./schema.js";

/**
 * `uses: local`: the local computer. Training there needs no compute target, so the only
 * action writes a run configuration whose target is `local`.
 */
/** Field lists of a schema written as a plain JsonSchema (its `with` type is LocalRunWith, not derived). */
const fields = (...names: string[]) => names as never[];

/** `action: configure-run`: a run configuration whose target is `local` (no Azure request). */
export const configureRunAction = defineAction({
  description: "Write a run configuration for a local run (user-managed Python or Conda; Docker if installed).",
  schema: configureRunSchema as unknown as Record<string, unknown>,
  pathFields: fields("conda_file"),
  writeFields: fields("path"),
  outputs: OUTPUTS,
  check: (input) => checkLocalRun(asWritten<LocalRunWith>(input)),
  plan: (ctx) => plan(ctx as unknown as StepContext<LocalRunWith>),
  apply: (ctx) => configureRun(ctx as unknown as StepContext<LocalRunWith>),
});

export const localPlugin = definePlugin({
  apiVersion: 2,
  name: "local",
  usesAzure: false,
  description: "The local computer: no compute target; writes a run configuration targeting `local`.",
  actions: { "configure-run": configureRunAction },
});
