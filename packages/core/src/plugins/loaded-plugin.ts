import { ComputeflowError, ErrorCodes, isComputeflowError } from "../errors.js";
import { hookNameFor } from "../plugin.js";
import type { ActionSpec, PlanEntry, Plugin, StepContext, StepResult } from "../plugin.js";
import type { SchemaIssue } from "../workflow/schema-errors.js";
import { validateAgainst } from "../workflow/schema-validator.js";
import { pluginTimeLimits, withinTimeLimit } from "./time-limits.js";

/** One finished hook call, for timing and tracing. */
export interface HookCall {
  plugin: string;
  hook: string;
  step: string;
  durationMs: number;
  ok: boolean;
}

/** Receives every HookCall a LoadedPlugin makes (timing, tracing). */
export type HookCallListener = (call: HookCall) => void;

/**
 * The engine's only handle on a plugin (like Nx's LoadedNxPlugin): it times every hook call,
 * turns anything thrown into a ComputeflowError that names the plugin, gives every hook a time
 * limit (time-limits.ts), and validates `with`.
 */
export class LoadedPlugin {
  readonly name: string;
  readonly actions: string[];
  private readonly listeners = new Set<HookCallListener>();

  constructor(
    readonly plugin: Plugin,
    readonly packageName: string,
    readonly version: string | undefined,
    /** The module file that was imported. */
    readonly file: string,
  ) {
    this.name = plugin.name;
    this.actions = Object.keys(plugin.actions);
  }

  /** Set when the plugin names a target workflows cannot manage, and why. */
  get unsupportedTarget(): Plugin["unsupported"] {
    return this.plugin.unsupported;
  }

  spec(action: string): ActionSpec | undefined {
    return Object.hasOwn(this.plugin.actions, action) ? this.plugin.actions[action] : undefined;
  }

  /** True when the plugin has the hook serving `actionOrHook` ("configure-run", "plan" ...). */
  hasHook(actionOrHook: string): boolean {
    return typeof (this.plugin as unknown as Record<string, unknown>)[hookNameFor(actionOrHook)] === "function";
  }

  /** Schema issues of `with` for `action`; the schema is compiled once. */
  validateWith(action: string, value: unknown): SchemaIssue[] {
    const spec = this.spec(action);
    if (!spec) throw this.unsupported(action);
    try {
      return validateAgainst(spec.schema, value, "`with`");
    } catch (e) {
      throw new ComputeflowError({ code: ErrorCodes.PLUGIN_LOAD, errorClass: "plugin", message: `${this.label()}: the schema of action "${action}" does not compile: ${(e as Error).message}`, cause: e });
    }
  }

  async callPlan(ctx: StepContext): Promise<PlanEntry | undefined> {
    if (!this.hasHook("plan")) return undefined;
    const entry = await this.call("plan", ctx);
    if (!entry || typeof entry !== "object" || typeof (entry as PlanEntry).change !== "string") throw this.badReturn("plan", entry);
    return entry as PlanEntry;
  }

  async callAction(action: string, ctx: StepContext): Promise<StepResult> {
    if (!this.hasHook(action)) throw this.unsupported(action);
    const result = await this.call(hookNameFor(action), ctx);
    if (!result || typeof result !== "object") throw this.badReturn(hookNameFor(action), result);
    return result as StepResult;
  }

  /** Subscribes to hook calls; returns the unsubscribe function. */
  observe(listener: HookCallListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  unsupported(action: string): ComputeflowError {
    return new ComputeflowError({
      code: ErrorCodes.UNSUPPORTED_ACTION,
      errorClass: "validation",
      message: `plugin "${this.name}" does not support action "${action}"`,
      hint: `supported actions: ${this.actions.join(", ")}`,
    });
  }

  private async call(hook: string, ctx: StepContext): Promise<unknown> {
    const fn = (this.plugin as unknown as Record<string, (ctx: StepContext) => Promise<unknown>>)[hook];
    const started = performance.now();
    let ok = false;
    try {
      const limits = pluginTimeLimits();
      const result = await withinTimeLimit(Promise.resolve(fn!.call(this.plugin, ctx)), hook === "plan" ? limits.planMs : limits.actionMs, this.label(), hook);
      ok = true;
      return result;
    } catch (e) {
      throw isComputeflowError(e) ? e : this.wrap(hook, e);
    } finally {
      this.notify({ plugin: this.name, hook, step: ctx.step.id, durationMs: performance.now() - started, ok });
    }
  }

  private wrap(hook: string, e: unknown): ComputeflowError {
    const message = e instanceof Error ? e.message : String(e);
    return new ComputeflowError({ code: ErrorCodes.PLUGIN, errorClass: "plugin", message: `${this.label()} failed in ${hook}: ${message}`, cause: e });
  }

  private badReturn(hook: string, value: unknown): ComputeflowError {
    const got = value === null ? "null" : typeof value;
    return new ComputeflowError({ code: ErrorCodes.PLUGIN, errorClass: "plugin", message: `${this.label()}: ${hook} returned ${got}, not the object the contract asks for` });
  }

  private label(): string {
    return this.packageName === this.name ? `plugin "${this.name}"` : `plugin "${this.name}" (${this.packageName})`;
  }

  private notify(call: HookCall): void {
    for (const listener of this.listeners) listener(call);
  }
}
