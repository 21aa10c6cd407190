/**
 * Plugin API 1, kept so plugins written for it still load: core wraps every v1 plugin in
 * an adapter (plugins/v1-adapter.ts) that presents it as a v2 plugin. New plugins use the
 * v2 contract in plugin.ts. Nothing here changes again; it is removed in a future major.
 *
 * In v1 an action's data sits in `actions` and its hook is a top-level field named after
 * the action (`configure-run` -> `configureRun`); one `plan` hook serves every action.
 */

import type { CheckContext, CheckProblem, ComputeNameRules, JsonSchema, PlanEntry, StepContext, StepResult } from "./plugin.js";

/** v1: declares one action a plugin supports (`action: provision`, `attach`, ...). */
export interface ActionSpec<TWith = Record<string, unknown>> {
  description?: string;
  schema: JsonSchema;
  /** Top-level `with` keys holding secrets; they accept only `${{ secrets.X }}`. */
  secretFields?: readonly string[];
  /** Top-level `with` keys naming local files that must exist. */
  pathFields?: readonly string[];
  /** Top-level `with` keys naming files the action writes (see ActionDefinition.writeFields). */
  writeFields?: readonly string[];
  outputs: Readonly<Record<string, string>>;
  claimsComputeName?: boolean;
  computeName?: ComputeNameRules;
  /**
   * Cross-field checks. Since core applies schema defaults before it, defaulted fields
   * arrive filled in; values still unresolved (`${{ steps.x.outputs.y }}`) arrive as strings.
   */
  check?(input: TWith, ctx: CheckContext): CheckProblem[];
  /** For attach actions: the underlying Azure resource id, normalised (lower case). */
  attachedResource?(input: TWith, ctx: CheckContext): string | undefined;
  /** What `computeflow destroy` does for a step with this action (the hook of that name). Defaults to "none". */
  destroy?: "delete" | "detach" | "none";
}

/** v1: the `plan` hook, one for every action (it switches on `ctx.step.action`). */
export type PlanHook<TWith = any> = (ctx: StepContext<TWith>) => Promise<PlanEntry>;
/** v1: an action hook (`provision`, `attach` ...). */
export type ActionHook<TWith = any> = (ctx: StepContext<TWith>) => Promise<StepResult>;

/** v1: a target plugin; the action `configure-run` is served by the hook `configureRun`. */
export interface PluginV1 {
  apiVersion: 1;
  name: string;
  description?: string;
  actions: Readonly<Record<string, ActionSpec<any>>>;
  unsupported?: { reason: string; hint?: string };
  /** False for a plugin that never talks to Azure (see Plugin.usesAzure). */
  usesAzure?: boolean;
  plan?: PlanHook;
  provision?: ActionHook;
  attach?: ActionHook;
  configureRun?: ActionHook;
  detach?: ActionHook;
  delete?: ActionHook;
  start?: ActionHook;
  stop?: ActionHook;
  restart?: ActionHook;
}

/** v1: the hook that serves an action: "configure-run" -> "configureRun". */
export function hookNameFor(action: string): string {
  return action.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
