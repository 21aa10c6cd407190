import { hookNameFor } from "../plugin-v1.js";
import type { ActionHook, ActionSpec, PluginV1 } from "../plugin-v1.js";
import { isUnresolved } from "../plugin.js";
import type { AnyAction, CheckContext, DestroyDefinition, PlanEntry, Plugin, StepContext } from "../plugin.js";

/** The label a v1 plugin's step plans without a plan hook (v1 core knew these by action name). */
const V1_LABELS: Readonly<Record<string, string>> = {
  provision: "create",
  attach: "attach",
  "configure-run": "write",
  detach: "detach",
  delete: "delete",
  start: "start",
  stop: "stop",
  restart: "restart",
};

/**
 * Presents a plugin written for API 1 as an API 2 plugin, so it keeps loading: each action
 * becomes one unit whose hooks call the v1 hooks (`plan` for every action, the action's hook
 * by its camel-cased name, `delete`/`detach` for destroy). v1 checks see unresolved values as
 * the strings they were in API 1.
 */
export function adaptV1(v1: PluginV1): Plugin {
  const hooks = v1 as unknown as Record<string, ActionHook | undefined>;
  const hook = (action: string): ActionHook | undefined => {
    const fn = hooks[hookNameFor(action)];
    return typeof fn === "function" ? (ctx) => fn.call(v1, ctx) : undefined;
  };
  const plan = typeof v1.plan === "function" ? (ctx: StepContext<any>) => v1.plan!.call(v1, ctx) : undefined;
  const actions: Record<string, AnyAction> = {};
  for (const [name, spec] of Object.entries(v1.actions)) {
    const apply = hook(name);
    actions[name] = {
      ...dataOf(spec),
      label: V1_LABELS[name] ?? "write",
      ...(spec.check ? { check: (input: unknown, ctx: CheckContext) => spec.check!(asV1Input(input), ctx) } : {}),
      ...(spec.attachedResource ? { attachedResource: (input: unknown, ctx: CheckContext) => spec.attachedResource!(asV1Input(input), ctx) } : {}),
      ...(plan ? { plan } : {}),
      apply: apply ?? (() => Promise.reject(new Error(`no ${hookNameFor(name)} hook`))),
      ...destroyOf(spec, hook, plan),
    };
  }
  return { apiVersion: 2, name: v1.name, ...(v1.description ? { description: v1.description } : {}), actions, ...(v1.unsupported ? { unsupported: v1.unsupported } : {}), ...(v1.usesAzure === false ? { usesAzure: false } : {}) };
}

function dataOf(spec: ActionSpec): Omit<AnyAction, "apply"> {
  const { check: _check, attachedResource: _resource, destroy: _destroy, ...data } = spec;
  return data;
}

function destroyOf(spec: ActionSpec, hook: (action: string) => ActionHook | undefined, plan: ((ctx: StepContext<any>) => Promise<PlanEntry>) | undefined): { destroy?: DestroyDefinition<any> } {
  const kind = spec.destroy ?? "none";
  const apply = kind === "none" ? undefined : hook(kind);
  if (kind === "none" || !apply) return {};
  // v1 planned destroy with its one plan hook, called with `ctx.step.action` set to the label.
  return { destroy: { label: kind, apply, ...(plan ? { plan } : {}) } };
}

/** API 1 checks saw a value known only at run time as its `${{ }}` text. */
function asV1Input(value: unknown): any {
  if (isUnresolved(value)) return value.expression;
  if (Array.isArray(value)) return value.map(asV1Input);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asV1Input(v)]));
  return value;
}
