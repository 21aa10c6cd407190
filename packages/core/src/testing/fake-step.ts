import type { ActionSpec, Outputs, Plugin } from "../plugin.js";
import { hookNameFor } from "../plugin.js";
import type { EngineStep, EngineWorkflow } from "../runtime/engine-types.js";
import type { StepStatus } from "../runtime/events.js";
import { EMULATOR_WORKSPACE } from "./default-workspace.js";

/** A step for fakeStep: an inline plugin, the action, and `with`/`if:` as plain functions. */
export interface FakeStepOptions {
  id: string;
  plugin: Plugin;
  action: string;
  name?: string;
  needs?: string[];
  /** `with`, computed from the outputs of earlier steps (stands in for expressions). */
  with?: (outputs: Readonly<Record<string, Outputs>>) => Record<string, unknown>;
  secrets?: string[];
  timeoutMinutes?: number;
  retry?: { maxAttempts: number; delaySeconds?: number };
  continueOnError?: boolean;
  if?: (outputs: Readonly<Record<string, Outputs>>, statuses: Readonly<Record<string, StepStatus>>) => boolean;
}

/**
 * A resolved step built from plain data and an inline plugin, for engine tests that need
 * no workflow file. The plugin is called directly, as the loader's adapter would.
 */
export function fakeStep(options: FakeStepOptions): EngineStep {
  const plugin = options.plugin;
  const hooks = plugin as unknown as Record<string, ((ctx: unknown) => Promise<never>) | undefined>;
  return {
    id: options.id,
    name: options.name ?? options.id,
    uses: plugin.name,
    action: options.action,
    spec: (plugin.actions[options.action] ?? { schema: {}, outputs: {} }) as ActionSpec,
    needs: options.needs ?? [],
    timeoutMinutes: options.timeoutMinutes,
    retry: options.retry ?? { maxAttempts: 1 },
    continueOnError: options.continueOnError ?? false,
    plugin: {
      name: plugin.name,
      callPlan: async (ctx) => (plugin.plan ? plugin.plan(ctx) : undefined),
      callAction: async (action, ctx) => {
        const hook = hooks[hookNameFor(action)];
        if (!hook) throw new Error(`${plugin.name} has no ${action} hook`);
        return hook(ctx);
      },
      hasHook: (action) => typeof hooks[hookNameFor(action)] === "function",
    },
    resolveWith: (outputs) => ({ value: options.with?.(outputs) ?? {}, secrets: options.secrets ?? [] }),
    shouldRun: (outputs, statuses) => options.if?.(outputs, statuses) ?? true,
  };
}

/** An EngineWorkflow of fake steps in the emulator's workspace, for runEngine tests without a file. */
export function fakeWorkflow(dir: string, steps: EngineStep[], secrets: string[] = []): EngineWorkflow {
  return { file: `${dir}/workflow.yaml`, dir, name: "test", workspace: EMULATOR_WORKSPACE, secrets, steps };
}
