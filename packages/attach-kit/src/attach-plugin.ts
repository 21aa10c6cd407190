import { definePlugin, type ActionHook, type ActionSpec, type PlanEntry, type PluginV1, type StepContext } from "@computeflow/core";
import type { GeneratedFile } from "@computeflow/runconfig";
import { ATTACH_OUTPUTS, ATTACHED_COMPUTE_NAME, DETACH_ACTION } from "./action-specs.js";
import { startDetach } from "./detach.js";
import { attachPluginPlan } from "./plugin-parts.js";

export interface AttachPluginParts {
  name: string;
  description: string;
  /** The attach action; outputs `name`, `id`, `resource_id`, the name rules and `destroy: detach` are added. */
  attach: Omit<ActionSpec<any>, "outputs" | "claimsComputeName" | "computeName" | "destroy"> & { outputs?: Record<string, string> };
  configureRun: ActionSpec<any>;
  planAttach(ctx: StepContext<any>): Promise<PlanEntry>;
  attachHook: ActionHook;
  configureRunHook: ActionHook;
  /** The file configure-run would write, so its plan can say noop when it is up to date. */
  generated(ctx: StepContext<any>): GeneratedFile;
}

/** An attach plugin: attach, configure-run and detach, with the lifecycle every attach target shares. */
export function attachPlugin(parts: AttachPluginParts): PluginV1 {
  return definePlugin({
    apiVersion: 1,
    name: parts.name,
    description: parts.description,
    actions: {
      attach: {
        ...parts.attach,
        outputs: { ...ATTACH_OUTPUTS, ...parts.attach.outputs },
        claimsComputeName: true,
        computeName: ATTACHED_COMPUTE_NAME,
        destroy: "detach",
      },
      "configure-run": parts.configureRun,
      detach: DETACH_ACTION,
    },
    plan: attachPluginPlan(parts.planAttach, parts.generated),
    attach: parts.attachHook,
    configureRun: parts.configureRunHook,
    detach: startDetach,
  });
}
