import type { Outputs, Plugin } from "../plugin.js";
import type { PluginV1 } from "../plugin-v1.js";
import { LoadedPlugin } from "../plugins/loaded-plugin.js";
import { pluginFromModule } from "../plugins/plugin-shape.js";
import type { EngineStep, EngineWorkflow } from "../runtime/engine-types.js";
import type { StepStatus } from "../runtime/events.js";
import { EMULATOR_WORKSPACE } from "./default-workspace.js";

/** A step for fakeStep: an inline plugin, the action, and `with`/`if:` as plain functions. */
export interface FakeStepOptions {
  id: string;
  /** An API 2 plugin, or an API 1 one (loaded through the adapter, as core loads it). */
  plugin: Plugin | PluginV1;
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
  /** The `steps.ID.outputs.KEY` its expressions would read. */
  reads?: { step: string; output: string }[];
}

/**
 * A resolved step built from plain data and an inline plugin, for engine tests that need
 * no workflow file. The plugin is called through a real LoadedPlugin, as the loader does.
 */
export function fakeStep(options: FakeStepOptions): EngineStep {
  const plugin = new LoadedPlugin(pluginFromModule({ default: options.plugin }, `plugin ${options.plugin.name}`), options.plugin.name, undefined, "<inline>");
  return {
    id: options.id,
    name: options.name ?? options.id,
    uses: plugin.name,
    action: options.action,
    needs: options.needs ?? [],
    timeoutMinutes: options.timeoutMinutes,
    retry: options.retry ?? { maxAttempts: 1 },
    continueOnError: options.continueOnError ?? false,
    plugin,
    ...(options.reads ? { reads: options.reads } : {}),
    resolveWith: (outputs) => {
      const value = options.with?.(outputs) ?? {};
      return { value: plugin.action(options.action) ? plugin.withDefaults(options.action, value) : value, secrets: options.secrets ?? [] };
    },
    shouldRun: (outputs, statuses) => options.if?.(outputs, statuses) ?? true,
  };
}

/** An EngineWorkflow of fake steps in the emulator's workspace, for runEngine tests without a file. */
export function fakeWorkflow(dir: string, steps: EngineStep[], secrets: string[] = []): EngineWorkflow {
  return { file: `${dir}/workflow.yaml`, dir, name: "test", workspace: EMULATOR_WORKSPACE, secrets, steps };
}
