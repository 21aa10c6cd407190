import { classifyAzureError, isInfrastructureError } from "../azure/classify-error.js";
import { isRestError } from "../azure/rest-error.js";
import { ComputeflowError, ErrorCodes, isComputeflowError } from "../errors.js";
import { STANDARD_LABELS } from "../plugin.js";
import type { AnyAction, ArmRequest, BodyContext, CheckContext, CheckProblem, Effect, Operation, PlanEntry, Plugin, PollReader, StepContext, StepResult } from "../plugin.js";
import { applyDefaults } from "../workflow/apply-defaults.js";
import type { SchemaIssue } from "../workflow/schema-errors.js";
import { validateAgainst } from "../workflow/schema-validator.js";
import { overTimeLimit, pluginTimeLimits, withinTimeLimit } from "./time-limits.js";

/** One finished call of plugin code, for timing and tracing. */
export interface HookCall {
  plugin: string;
  /** "plan", the action ("provision") or destroy label ("delete"), "Operation.check", "check", "attachedResource", "body". */
  hook: string;
  step: string;
  durationMs: number;
  ok: boolean;
}

/** Receives every HookCall a LoadedPlugin makes (timing, tracing). */
export type HookCallListener = (call: HookCall) => void;

/** Errors the poll reader threw: Azure's, passed through Operation.check untouched. */
const readerErrors = new WeakSet<object>();

/**
 * The only object that calls plugin code (like Nx's LoadedNxPlugin). Every call (hooks,
 * `Operation.check`, `check`, `attachedResource`, `body`) is timed and runs under a time
 * limit (time-limits.ts); anything it throws becomes E_PLUGIN naming the plugin and the
 * hook, never an Azure error to retry. Azure's own errors pass through with their class.
 * It also validates `with` and applies the schema's defaults.
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

  /** False when the plugin declares it never talks to Azure. */
  get usesAzure(): boolean {
    return this.plugin.usesAzure !== false;
  }

  /** Set when the plugin names a target workflows cannot manage, and why. */
  get unsupportedTarget(): Plugin["unsupported"] {
    return this.plugin.unsupported;
  }

  action(name: string): AnyAction | undefined {
    return Object.hasOwn(this.plugin.actions, name) ? this.plugin.actions[name] : undefined;
  }

  /** Schema issues of `with` for `action`; the schema is compiled once. */
  validateWith(action: string, value: unknown): SchemaIssue[] {
    const spec = this.require(action);
    try {
      return validateAgainst(spec.schema, value, "`with`");
    } catch (e) {
      throw new ComputeflowError({ code: ErrorCodes.PLUGIN_LOAD, errorClass: "plugin", message: `${this.label()}: the schema of action "${action}" does not compile: ${(e as Error).message}`, cause: e });
    }
  }

  /** `with` with the action schema's defaults filled in: the one place defaults are applied. */
  withDefaults<T extends Record<string, unknown>>(action: string, value: T): T {
    return applyDefaults(this.require(action).schema, value);
  }

  /** What plan shows for `action` without a plan hook (or before its inputs are known). */
  defaultLabel(action: string): string {
    return this.action(action)?.label ?? "write";
  }

  /** The effect of a plan label of `action`; an undeclared label is the plugin's bug. */
  effectOf(action: string, label: string): Effect {
    const own = this.action(action)?.labels;
    const effect = own && Object.hasOwn(own, label) ? own[label] : Object.hasOwn(STANDARD_LABELS, label) ? STANDARD_LABELS[label as keyof typeof STANDARD_LABELS] : undefined;
    if (effect) return effect;
    throw this.error("plan", `plan label "${label}" maps to no effect (declare it in the action's \`labels\`)`);
  }

  /** The action's cross-field checks. Throws E_PLUGIN when the check throws or overruns. */
  check(action: string, input: Record<string, unknown>, ctx: CheckContext): CheckProblem[] {
    const check = this.require(action).check;
    if (!check) return [];
    const found = this.callSync("check", ctx.stepId, () => check(input, ctx));
    if (found !== undefined && !Array.isArray(found)) throw this.badReturn("check", found);
    return (found ?? []) as CheckProblem[];
  }

  /** The attached resource's id, for the duplicate-attachment guard. Throws E_PLUGIN when the hook throws. */
  attachedResource(action: string, input: Record<string, unknown>, ctx: CheckContext): string | undefined {
    const hook = this.require(action).attachedResource;
    if (!hook) return undefined;
    const id = this.callSync("attachedResource", ctx.stepId, () => hook(input, ctx));
    if (id !== undefined && id !== null && typeof id !== "string") throw this.badReturn("attachedResource", id);
    return id ?? undefined;
  }

  /** The fields of `action` that name local files (core reads them for `body`: BodyContext.files). */
  pathFields(action: string): readonly string[] {
    return (this.action(action)?.pathFields ?? []) as readonly string[];
  }

  hasBody(action: string): boolean {
    return typeof this.action(action)?.body === "function";
  }

  planBeforeBody(action: string): boolean {
    return this.action(action)?.planBeforeBody === true;
  }

  /** The ARM request `apply` would send for a resolved `with` (defaults applied here). */
  body(action: string, input: Record<string, unknown>, ctx: BodyContext, stepId: string): ArmRequest | undefined {
    const body = this.require(action).body;
    if (!body) return undefined;
    return this.callSync("body", stepId, () => body(this.withDefaults(action, input), ctx)) as ArmRequest;
  }

  /** The step's plan, or undefined when the action has no plan hook. */
  async plan(action: string, ctx: StepContext): Promise<PlanEntry | undefined> {
    const plan = this.require(action).plan;
    return plan ? this.planWith("plan", action, plan, ctx) : undefined;
  }

  async apply(action: string, ctx: StepContext): Promise<StepResult> {
    return this.act(action, this.require(action).apply, ctx);
  }

  /** The destroy label of `action` ("delete", "detach"), or undefined when destroy leaves it. */
  destroyLabel(action: string): string | undefined {
    return this.action(action)?.destroy?.label;
  }

  async planDestroy(action: string, ctx: StepContext): Promise<PlanEntry | undefined> {
    const plan = this.require(action).destroy?.plan;
    return plan ? this.planWith("plan", action, plan, ctx) : undefined;
  }

  async destroy(action: string, ctx: StepContext): Promise<StepResult> {
    const destroy = this.require(action).destroy;
    if (!destroy) throw this.unsupported(action);
    return this.act(destroy.label, destroy.apply, ctx);
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

  private require(action: string): AnyAction {
    const spec = this.action(action);
    if (!spec) throw this.unsupported(action);
    return spec;
  }

  private async planWith(hook: string, action: string, plan: (ctx: StepContext) => Promise<PlanEntry>, ctx: StepContext): Promise<PlanEntry> {
    const entry = await this.call(hook, ctx.step.id, pluginTimeLimits().planMs, () => plan(ctx));
    if (!entry || typeof entry !== "object" || typeof (entry as PlanEntry).change !== "string") throw this.badReturn(hook, entry);
    this.effectOf(action, (entry as PlanEntry).change);
    return entry as PlanEntry;
  }

  private async act(hook: string, fn: (ctx: StepContext) => Promise<StepResult>, ctx: StepContext): Promise<StepResult> {
    const result = await this.call(hook, ctx.step.id, pluginTimeLimits().actionMs, () => fn(ctx));
    if (!result || typeof result !== "object") throw this.badReturn(hook, result);
    const { operation } = result as StepResult;
    return operation ? { ...(result as StepResult), operation: this.guardOperation(operation, ctx.step.id) } : (result as StepResult);
  }

  /** The operation as the poller sees it: its check is called here, its reader's errors stay Azure's. */
  private guardOperation(operation: Operation, step: string): Operation {
    const guarded: Operation = {
      description: operation.description,
      check: (reader) => this.call("Operation.check", step, pluginTimeLimits().pollMs, () => operation.check.call(operation, markErrors(reader))),
    };
    if (operation.compute !== undefined) guarded.compute = operation.compute;
    return guarded;
  }

  private async call<T>(hook: string, step: string, limitMs: number, fn: () => Promise<T>): Promise<T> {
    const done = this.stopwatch(hook, step);
    try {
      const result = await withinTimeLimit(Promise.resolve().then(fn), limitMs, this.label(), hook);
      done(true);
      return result;
    } catch (e) {
      done(false);
      throw this.wrap(hook, e);
    }
  }

  /** Pure hooks cannot be stopped midway: one that returns after the limit is reported all the same. */
  // One clock reading before and one after: validate calls `check` once per step.
  private callSync<T>(hook: string, step: string, fn: () => T): T {
    const started = performance.now();
    try {
      const result = fn();
      const durationMs = performance.now() - started;
      const limit = pluginTimeLimits().checkMs;
      if (durationMs > limit) throw overTimeLimit(this.label(), hook, limit);
      this.report(hook, step, durationMs, true);
      return result;
    } catch (e) {
      this.report(hook, step, performance.now() - started, false);
      throw this.wrap(hook, e);
    }
  }

  private stopwatch(hook: string, step: string): (ok: boolean) => void {
    const started = performance.now();
    return (ok) => this.report(hook, step, performance.now() - started, ok);
  }

  private report(hook: string, step: string, durationMs: number, ok: boolean): void {
    if (this.listeners.size > 0) this.notify({ plugin: this.name, hook, step, durationMs, ok });
  }

  /** Core's and Azure's errors keep their class; anything else is the plugin's bug. */
  private wrap(hook: string, e: unknown): unknown {
    if (isComputeflowError(e)) return e;
    if (typeof e === "object" && e !== null && (readerErrors.has(e) || (hook === "Operation.check" && isRestError(e)))) return e;
    // A failed sign-in or an unreachable endpoint surfacing through plugin code is not the plugin's fault.
    if (isInfrastructureError(e)) return classifyAzureError(e);
    const message = e instanceof Error ? e.message : String(e);
    return new ComputeflowError({ code: ErrorCodes.PLUGIN, errorClass: "plugin", retryable: false, message: `${this.label()} failed in ${hook}: ${message}`, cause: e });
  }

  private error(hook: string, message: string): ComputeflowError {
    return new ComputeflowError({ code: ErrorCodes.PLUGIN, errorClass: "plugin", retryable: false, message: `${this.label()} failed in ${hook}: ${message}` });
  }

  private badReturn(hook: string, value: unknown): ComputeflowError {
    const got = value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
    return new ComputeflowError({ code: ErrorCodes.PLUGIN, errorClass: "plugin", retryable: false, message: `${this.label()}: ${hook} returned ${got}, not what the contract asks for` });
  }

  private label(): string {
    return this.packageName === this.name ? `plugin "${this.name}"` : `plugin "${this.name}" (${this.packageName})`;
  }

  private notify(call: HookCall): void {
    for (const listener of this.listeners) listener(call);
  }
}

/** A reader whose failures are remembered as Azure's (the poller classifies and retries those). */
function markErrors(reader: PollReader): PollReader {
  const mark = (e: unknown): never => {
    if (typeof e === "object" && e !== null) readerErrors.add(e);
    throw e;
  };
  return {
    compute: (name) => reader.compute(name).catch(mark),
    computeDetail: (name) => reader.computeDetail(name).catch(mark),
  };
}
