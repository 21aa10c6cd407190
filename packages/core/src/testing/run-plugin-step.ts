import type { OperationStatus, PlanEntry, Plugin, StepResult } from "../plugin.js";
import type { PluginV1 } from "../plugin-v1.js";
import { LoadedPlugin } from "../plugins/loaded-plugin.js";
import { pluginFromModule } from "../plugins/plugin-shape.js";
import type { RunEvent } from "../runtime/events.js";
import { refusal } from "../runtime/step-errors.js";
import { createStepContext, type CreateStepContextOptions } from "./create-step-context.js";
import { pollOperation } from "./poll-operation.js";

/** A plugin object as core loads it (API 1 through the adapter); throws what the loader would. */
export function loadedPlugin(plugin: Plugin | PluginV1): LoadedPlugin {
  return new LoadedPlugin(pluginFromModule({ default: plugin }, `plugin ${String(plugin.name)}`), String(plugin.name), undefined, "<inline>");
}

/** What one step did: its plan, the action's result, the operation's final status, or the error. */
export interface PluginStepRun {
  plan: PlanEntry;
  result?: StepResult;
  status?: OperationStatus;
  error?: unknown;
  events: RunEvent[];
}

/**
 * One step as `computeflow run` does it, through a real LoadedPlugin: defaults applied,
 * plan, core's refusal of a blocked (or, without `allowReplace`, replace-required) plan,
 * the action, then the real poller until the operation is done.
 */
export async function runPluginStep(plugin: Plugin | PluginV1 | LoadedPlugin, options: CreateStepContextOptions & { timeoutMs?: number }): Promise<PluginStepRun> {
  const loaded = plugin instanceof LoadedPlugin ? plugin : loadedPlugin(plugin);
  const action = options.step.action;
  const base = { pathFields: loaded.pathFields(action), ...options, with: loaded.withDefaults(action, options.with) };
  const planning = createStepContext(base);
  const plan = (await loaded.plan(action, planning.ctx)) ?? { change: loaded.defaultLabel(action) };
  const refused = refusal(options.step.id, plan, loaded.effectOf(action, plan.change), options.allowReplace ?? false);
  if (refused) return { plan, error: refused, events: planning.events };
  const running = createStepContext({ ...base, plan });
  const events = [...planning.events];
  try {
    const result = await loaded.apply(action, running.ctx);
    const status = result.operation ? await pollOperation(result.operation, running.ctx, { timeoutMs: options.timeoutMs ?? 60_000 }) : ({ done: true, outputs: result.outputs ?? {} } as const);
    return { plan, result, status, events: [...events, ...running.events] };
  } catch (error) {
    return { plan, error, events: [...events, ...running.events] };
  }
}
