import { isComputeflowError } from "../errors.js";
import { refusal } from "../runtime/step-errors.js";
import { PLUGIN_API_VERSION } from "../plugin.js";
import type { Outputs, PlanEntry, Plugin, StepResult, WorkspaceRef } from "../plugin.js";
import type { PluginV1 } from "../plugin-v1.js";
import { LoadedPlugin } from "../plugins/loaded-plugin.js";
import { pluginFromModule } from "../plugins/plugin-shape.js";
import { validatorFor } from "../workflow/schema-validator.js";
import { createStepContext } from "./create-step-context.js";
import { pollOperation } from "./poll-operation.js";

/** One step to run an action with: `with` as the hook receives it (expressions resolved). */
export interface ConformanceCase {
  with: Record<string, unknown>;
  /** Step id and compute name; defaults to `conformance-<action>`. */
  name?: string;
  /** Secret values in `with`; none may appear in an event or an output. */
  secrets?: string[];
}

/** A step that must fail (missing underlying resource, a value Azure rejects ...). */
export interface ConformanceErrorCase extends ConformanceCase {
  /** The ComputeflowError code expected; any `E_*` code when omitted. */
  code?: string;
}

/** What checkConformance runs: the emulator to use, the actions to run (each twice) and inputs that must fail. */
export interface ConformanceOptions {
  endpoint: string;
  caCert: string;
  workspace?: WorkspaceRef;
  workflowDir?: string;
  /** Actions to run, in this order (e.g. provision before delete). Each runs twice: the second run must change nothing. */
  cases: Record<string, ConformanceCase>;
  /** Actions run with input that must fail with a ComputeflowError. */
  errorCases?: Record<string, ConformanceErrorCase>;
  /** The emulator's request log; when given, plan hooks are checked to only read. */
  requests?: () => readonly { method: string }[];
  /** Per operation; default 60 s. */
  timeoutMs?: number;
}

/** One named check of a conformance run and whether it passed. */
export interface ConformanceCheck {
  /** "apiVersion", "schema:provision", "outputs:attach", "idempotent:attach", "errors:attach" ... */
  name: string;
  ok: boolean;
  detail?: string;
}

/** Every check of a conformance run; `ok` only when all passed (assertConformance throws otherwise). */
export interface ConformanceReport {
  plugin: string;
  ok: boolean;
  checks: ConformanceCheck[];
}

interface Outcome {
  plan?: PlanEntry;
  result?: StepResult;
  outputs?: Outputs;
  error?: unknown;
  leaked: string[];
}

function describeError(error: unknown): string {
  if (isComputeflowError(error)) return `${error.code}: ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The plugin as core loads it (API 1 through the adapter), or why core would refuse it. */
function load(plugin: Plugin | PluginV1): LoadedPlugin | string {
  try {
    return new LoadedPlugin(pluginFromModule({ default: plugin }, `plugin ${String(plugin.name)}`), String(plugin.name), undefined, "<conformance>");
  } catch (error) {
    return describeError(error);
  }
}

/** What the plugin threw when it was not a ComputeflowError (core wraps that as E_PLUGIN), else undefined. */
function bareError(error: unknown): unknown {
  if (!isComputeflowError(error)) return error;
  const cause = (error as { cause?: unknown }).cause;
  return error.code === "E_PLUGIN" && cause !== undefined && !isComputeflowError(cause) ? cause : undefined;
}

function staticChecks(plugin: Plugin | PluginV1, loaded: LoadedPlugin | string): ConformanceCheck[] {
  const version = plugin.apiVersion as unknown;
  const checks: ConformanceCheck[] = [
    {
      name: "apiVersion",
      ok: version === PLUGIN_API_VERSION || version === 1,
      detail: version === 1 ? `plugin 1 (deprecated: loaded through the v1 adapter), core ${PLUGIN_API_VERSION}` : `plugin ${String(version)}, core ${PLUGIN_API_VERSION}`,
    },
    { name: "name", ok: typeof plugin.name === "string" && /^[a-z0-9][a-z0-9-]*$/.test(plugin.name), detail: String(plugin.name) },
  ];
  if (plugin.unsupported) {
    checks.push({ name: "unsupported", ok: typeof plugin.unsupported.reason === "string" && plugin.unsupported.reason.length > 0, detail: "an unsupported target needs a reason" });
  }
  if (!checks.every((c) => c.ok)) return checks;
  checks.push({ name: "contract", ok: typeof loaded !== "string", ...(typeof loaded === "string" ? { detail: loaded } : {}) });
  if (typeof loaded === "string") return checks;
  for (const [action, spec] of Object.entries(loaded.plugin.actions)) {
    let schemaDetail: string | undefined;
    try {
      validatorFor(spec.schema as Record<string, unknown>);
    } catch (error) {
      schemaDetail = describeError(error);
    }
    checks.push({ name: `schema:${action}`, ok: schemaDetail === undefined, ...(schemaDetail ? { detail: schemaDetail } : {}) });
    const props = Object.keys(((spec.schema as Record<string, unknown>).properties as Record<string, unknown> | undefined) ?? {});
    const strays = [...((spec.secretFields ?? []) as string[]), ...((spec.pathFields ?? []) as string[])].filter((f) => !props.includes(f));
    checks.push({ name: `fields:${action}`, ok: strays.length === 0, ...(strays.length ? { detail: `secretFields/pathFields not in the schema: ${strays.join(", ")}` } : {}) });
    checks.push({ name: `outputs-declared:${action}`, ok: typeof spec.outputs === "object" && spec.outputs !== null });
  }
  return checks;
}

async function runOnce(plugin: LoadedPlugin, action: string, c: ConformanceCase, options: ConformanceOptions, writesDuringPlan: string[]): Promise<Outcome> {
  const step = { id: c.name ?? `conformance-${action}`, uses: plugin.name, action };
  const base = { endpoint: options.endpoint, caCert: options.caCert, step, with: plugin.withDefaults(action, c.with), pathFields: plugin.pathFields(action), secrets: c.secrets ?? [], ...(options.workspace ? { workspace: options.workspace } : {}), ...(options.workflowDir ? { workflowDir: options.workflowDir } : {}) };
  const outcome: Outcome = { leaked: [] };
  const planning = createStepContext(base);
  const events = [planning.events];
  try {
    const before = options.requests?.().length ?? 0;
    outcome.plan = await plugin.plan(action, planning.ctx);
    for (const r of options.requests?.().slice(before) ?? []) if (r.method !== "GET") writesDuringPlan.push(r.method);
    // Core refuses a blocked (or replace-required) plan before the action runs: so does the kit.
    const refused = outcome.plan ? refusal(step.id, outcome.plan, plugin.effectOf(action, outcome.plan.change), false) : undefined;
    if (refused) throw refused;
    const running = createStepContext({ ...base, ...(outcome.plan ? { plan: outcome.plan } : {}) });
    events.push(running.events);
    outcome.result = await plugin.apply(action, running.ctx);
    outcome.outputs = outcome.result.outputs;
    if (outcome.result.operation) {
      const status = await pollOperation(outcome.result.operation, running.ctx, { timeoutMs: options.timeoutMs ?? 60_000 });
      if ("error" in status) outcome.error = status.error;
      else if (status.done) outcome.outputs = status.outputs;
    }
  } catch (error) {
    outcome.error = error;
  }
  const seen = JSON.stringify([events, outcome.outputs ?? null]);
  outcome.leaked = (c.secrets ?? []).filter((s) => s.length > 0 && seen.includes(s));
  return outcome;
}

function sameKeys(declared: readonly string[], produced: Outputs | undefined): string | undefined {
  const got = Object.keys(produced ?? {}).sort();
  const want = [...declared].sort();
  return JSON.stringify(got) === JSON.stringify(want) ? undefined : `declared [${want.join(", ")}], produced [${got.join(", ")}]`;
}

async function dynamicChecks(plugin: LoadedPlugin, options: ConformanceOptions): Promise<ConformanceCheck[]> {
  const checks: ConformanceCheck[] = [];
  for (const [action, c] of Object.entries(options.cases)) {
    const spec = plugin.action(action);
    if (!spec) {
      checks.push({ name: `case:${action}`, ok: false, detail: `the plugin has no action ${action}` });
      continue;
    }
    const validate = validatorFor(spec.schema as Record<string, unknown>);
    checks.push({ name: `case-valid:${action}`, ok: validate(c.with) === true, detail: JSON.stringify(validate.errors ?? []) });
    const writes: string[] = [];
    const first = await runOnce(plugin, action, c, options, writes);
    checks.push({ name: `run:${action}`, ok: first.error === undefined, ...(first.error !== undefined ? { detail: describeError(first.error) } : {}) });
    const mismatch = first.error === undefined ? sameKeys(Object.keys(spec.outputs), first.outputs) : "the run failed";
    checks.push({ name: `outputs:${action}`, ok: mismatch === undefined, ...(mismatch ? { detail: mismatch } : {}) });
    const second = await runOnce(plugin, action, c, options, writes);
    const again = second.error !== undefined ? describeError(second.error)
      : second.plan && second.plan.change !== "noop" ? `second plan is ${second.plan.change}, not noop`
        : second.result?.changed !== false ? "second run did not report changed: false"
          : second.result.operation ? "second run started an operation"
            : sameKeys(Object.keys(spec.outputs), second.outputs);
    checks.push({ name: `idempotent:${action}`, ok: again === undefined, ...(again ? { detail: again } : {}) });
    if (options.requests) checks.push({ name: `plan-reads-only:${action}`, ok: writes.length === 0, ...(writes.length ? { detail: `plan sent ${writes.join(", ")}` } : {}) });
    const leaked = [...first.leaked, ...second.leaked];
    checks.push({ name: `no-secret-leak:${action}`, ok: leaked.length === 0, ...(leaked.length ? { detail: `${leaked.length} secret value(s) in events or outputs` } : {}) });
  }
  for (const [action, c] of Object.entries(options.errorCases ?? {})) {
    const outcome = await runOnce(plugin, action, c, options, []);
    const blocked = outcome.plan?.change === "blocked" ? outcome.plan.code : undefined;
    const error = outcome.error;
    let detail: string | undefined;
    if (error === undefined && blocked === undefined) detail = "expected a failure, the step succeeded";
    else if (error !== undefined && bareError(error) !== undefined) detail = `a bare ${describeError(bareError(error))}: throw ComputeflowError with a code`;
    else {
      const code = isComputeflowError(error) ? error.code : blocked;
      if (!code || !/^E_[A-Z0-9_]+$/.test(code)) detail = `code ${String(code)} is not an E_* code`;
      else if (c.code !== undefined && code !== c.code) detail = `expected ${c.code}, got ${code}`;
    }
    checks.push({ name: `errors:${action}`, ok: detail === undefined, ...(detail ? { detail } : {}) });
  }
  return checks;
}

/**
 * Runs a plugin through the real step context, poller and SDK clients against an
 * emulator and reports whether it behaves as core expects: contract, schemas, declared
 * outputs, idempotency (a second run plans noop and changes nothing) and coded errors.
 */
export async function checkConformance(plugin: Plugin | PluginV1, options: ConformanceOptions): Promise<ConformanceReport> {
  const loaded = load(plugin);
  const checks = staticChecks(plugin, loaded);
  if (checks.every((c) => c.ok) && typeof loaded !== "string") checks.push(...(await dynamicChecks(loaded, options)));
  return { plugin: String(plugin.name), ok: checks.every((c) => c.ok), checks };
}

/** Throws one Error listing every failed check (for `await assertConformance(...)` in a test). */
export async function assertConformance(plugin: Plugin | PluginV1, options: ConformanceOptions): Promise<ConformanceReport> {
  const report = await checkConformance(plugin, options);
  if (!report.ok) {
    const failed = report.checks.filter((c) => !c.ok).map((c) => `  ${c.name}${c.detail ? `: ${c.detail}` : ""}`);
    throw new Error(`plugin ${report.plugin} is not conformant:\n${failed.join("\n")}`);
  }
  return report;
}
