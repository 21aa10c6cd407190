/**
 * The plugin contract: everything a target plugin may rely on, and everything core
 * expects of one. A plugin is data (its actions, a JSON Schema per action, the outputs
 * it publishes) plus hooks that core calls through one adapter.
 *
 * STOP! Every type here is public API. A change is a change for third-party plugins:
 * keep it additive, or bump PLUGIN_API_VERSION.
 *
 * Rules for hooks:
 * - Hooks never sleep, loop or retry. A hook starts at most one write and returns an
 *   {@link Operation} that core's shared poller drives to completion.
 * - Hooks talk to Azure only through the clients in {@link StepContext.azure}, so every
 *   request goes through core's rate limiter, retry policy and journal.
 * - Hooks throw {@link ComputeflowError}s (or anything; the adapter wraps it and names
 *   the plugin). They never print: use {@link StepContext.log}.
 */

import type { TokenCredential } from "@azure/core-auth";
import type { AzureMachineLearningWorkspaces, ComputeResource } from "@azure/arm-machinelearningservices";
import type { ComputeflowError } from "./errors.js";

/** The plugin API this core implements. Core refuses plugins built for another one. */
export const PLUGIN_API_VERSION = 1 as const;

/** A JSON Schema (draft 2020-12 subset that ajv understands) for one action's `with`. */
export type JsonSchema = Record<string, unknown>;

/** Values a step publishes for later steps' `${{ steps.ID.outputs.KEY }}`. */
export type OutputValue = string | number | boolean | null | readonly string[];
/** A step's outputs by key, as declared per action in ActionSpec.outputs; later steps read them through expressions. */
export type Outputs = Record<string, OutputValue>;

/** Where the step's compute lives. */
export interface WorkspaceRef {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

/** Compute name rules of a target kind (AmlCompute 2-16, compute instance 3-24 ...). */
export interface ComputeNameRules {
  minLength: number;
  maxLength: number;
  /** Regular expression source the whole name must match. */
  pattern: string;
  /** Said to the user when a name breaks the rules. */
  description: string;
}

/** Static context for {@link ActionSpec.check}: pure data, no I/O. */
export interface CheckContext {
  stepId: string;
  computeName: string;
  workspace: WorkspaceRef;
  /** Directory of the workflow file; relative paths in `with` are relative to it. */
  workflowDir: string;
}

/** A problem found by {@link ActionSpec.check}; core adds the file position. */
export interface CheckProblem {
  /** JSON pointer into `with` ("/max_nodes"); "" points at `with` itself. */
  path: string;
  message: string;
  /** Defaults to E_SCHEMA. */
  code?: string;
  hint?: string;
  /** Defaults to "error"; warnings are printed and do not fail validation. */
  severity?: "error" | "warning";
}

/** Declares one action a plugin supports (`action: provision`, `attach`, ...). */
export interface ActionSpec<TWith = Record<string, unknown>> {
  description?: string;
  /** JSON Schema for the step's `with`. Compiled once by core (ajv); errors point at the bad value. */
  schema: JsonSchema;
  /**
   * Top-level `with` keys holding secrets (passwords, tokens, passphrases). They accept
   * only `${{ secrets.X }}`; a literal is a validation error. Values are redacted everywhere.
   */
  secretFields?: readonly string[];
  /** Top-level `with` keys naming local files that must exist (relative to the workflow; `~` expands). */
  pathFields?: readonly string[];
  /** The outputs this action publishes, name -> description. Expressions may read only these. */
  outputs: Readonly<Record<string, string>>;
  /**
   * True when the step owns a compute name in the workspace (provision, attach). Two such
   * steps may not share a name, and the name must satisfy {@link computeName}.
   */
  claimsComputeName?: boolean;
  computeName?: ComputeNameRules;
  /**
   * Cross-field checks the SDK would do client-side (max >= min, all-or-none groups ...).
   * Runs after the schema passed, before anything is sent anywhere. Pure.
   * Values that are still unresolved expressions (`${{ steps.x.outputs.y }}`) arrive as strings.
   */
  check?(input: TWith, ctx: CheckContext): CheckProblem[];
  /**
   * For attach actions: the underlying Azure resource id, normalised (lower case), so core
   * refuses two steps attaching the same resource (each attachment breaks the previous one).
   */
  attachedResource?(input: TWith, ctx: CheckContext): string | undefined;
  /** What `computeflow destroy` does for a step with this action. Defaults to "none". */
  destroy?: "delete" | "detach" | "none";
}

/** What `run` would do for a step, as `computeflow plan` shows it. */
export type ChangeKind =
  | "create"
  | "update"
  | "noop"
  | "replace-required"
  | "attach"
  | "reattach"
  | "detach"
  | "delete"
  | "write"
  | "in-progress"
  | "start"
  | "stop"
  | "restart"
  | "blocked";

/** One field a plan would change, shown in the plan's diff; `immutable` fields force a replace. */
export interface FieldChange {
  /** Dotted path in the ARM resource or in `with` ("properties.scaleSettings.maxNodeCount"). */
  path: string;
  from: unknown;
  to: unknown;
  /** True when the service cannot change it in place (replace-required). */
  immutable?: boolean;
}

/**
 * What a `plan` hook returns: the change a step would make, for the plan printout and as
 * `ctx.plan` for the action hook that follows, so it need not read Azure twice.
 */
export interface PlanEntry {
  change: ChangeKind;
  /** One line for the person reading the plan. */
  summary?: string;
  diff?: FieldChange[];
  /** Advice that does not block (e.g. "low priority: preempted jobs restart, not resume"). */
  notes?: string[];
  /** Why the step is blocked or needs replacing. */
  reason?: string;
  hint?: string;
  /** Error code when blocked (E_QUOTA, E_DUPLICATE_ATTACHMENT ...). */
  code?: string;
  /** Plugin-private data handed back to the action hook as `ctx.plan.state`. Never printed. */
  state?: unknown;
}

/** Progress the live view shows: provisioning state transitions and node counts. */
export interface Progress {
  provisioningState?: string;
  /** ComputeInstance state (Creating, Running, Stopped ...), AmlCompute allocation state. */
  state?: string;
  nodes?: NodeCounts;
  message?: string;
}

/** AmlCompute node counts by state, as ARM reports them; the live view shows them as progress. */
export interface NodeCounts {
  current?: number;
  target?: number;
  idle?: number;
  running?: number;
  preparing?: number;
  leaving?: number;
  unusable?: number;
}

/** Reads the poller hands to {@link Operation.check}; batched and rate-limited by core. */
export interface PollReader {
  /**
   * The compute as this tick's single `computes list` of the step's workspace reports it
   * (one request serves every in-flight operation of that workspace); undefined if absent.
   */
  compute(name: string): Promise<ComputeResource | undefined>;
  /** A fresh GET of one compute, for details a list omits. */
  computeDetail(name: string): Promise<ComputeResource | undefined>;
}

/** What Operation.check reports each poll: still running (with progress), done with outputs, or failed. */
export type OperationStatus =
  | { done: false; progress?: Progress }
  | { done: true; outputs: Outputs; progress?: Progress }
  | { done: true; error: ComputeflowError };

/** Something in flight that core polls until done. */
export interface Operation {
  /** "creating compute cpu-cluster" */
  description: string;
  /** The compute being watched, when there is one (lets core batch and journal it). */
  compute?: string;
  /** One look at the world. Must not sleep, loop or retry; core calls it again later. */
  check(reader: PollReader): Promise<OperationStatus>;
}

/** What an action hook returns. */
export interface StepResult {
  /** Final outputs, when the action is already complete. */
  outputs?: Outputs;
  /** An operation for core to poll; its final outputs become the step's outputs. */
  operation?: Operation;
  /** False when nothing was changed (idempotent re-run). Defaults to true. */
  changed?: boolean;
  /** Files the step wrote (configure-run), relative to the workflow directory. */
  files?: string[];
}

/** Messages from a hook; core redacts secrets and turns them into events. */
export interface StepLogger {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
  progress(progress: Progress): void;
}

/** Azure access for hooks. Clients share core's rate limiter, retry policy and journal. */
export interface AzureAccess {
  readonly subscriptionId: string;
  readonly credential: TokenCredential;
  /** The ARM endpoint (public cloud, a sovereign cloud, or the emulator). */
  readonly endpoint: string;
  /** The Azure ML client (api-version 2021-07-01), created once per run and shared. */
  ml(): Promise<AzureMachineLearningWorkspaces>;
  /**
   * Options for any other `@azure/core-client` based client (arm-batch ...): endpoint,
   * credential scopes, TLS trust, and core's pipeline policies.
   */
  clientOptions(): Record<string, unknown> & { endpoint: string };
  /** Options for old `@azure/ms-rest-js` clients (arm-datalake-analytics): baseUri, agents, noRetryPolicy. */
  legacyClientOptions(): Record<string, unknown> & { baseUri: string };
  /**
   * Where to open an SSH connection to `host:port`. Identity against Azure; against the
   * emulator, the loopback endpoint that stands in for that VM or head node.
   */
  sshEndpoint(host: string, port: number): Promise<{ host: string; port: number }>;
}

/** Everything a hook receives. */
export interface StepContext<TWith = Record<string, unknown>> {
  readonly step: {
    readonly id: string;
    /** The compute name (`name:` or the step id). */
    readonly name: string;
    readonly uses: string;
    readonly action: string;
  };
  /** `with`, with every expression resolved. Secret values are real here: never log them. */
  readonly with: TWith;
  readonly workspace: WorkspaceRef;
  readonly workflowDir: string;
  /** The plan entry computed for this step in this run (undefined inside `plan`). */
  readonly plan: PlanEntry | undefined;
  readonly options: {
    /** The user allowed replacing a compute whose immutable properties changed. */
    readonly allowReplace: boolean;
  };
  readonly azure: AzureAccess;
  readonly log: StepLogger;
  readonly signal: AbortSignal;
  /** Outputs of the steps this one depends on, by step id. */
  readonly needs: Readonly<Record<string, Outputs>>;
  /** Mark a value as secret: it is redacted from every output, log, journal and file. */
  secret(value: string): void;
}

/** The `plan` hook's signature: reads Azure, never writes. */
export type PlanHook<TWith = any> = (ctx: StepContext<TWith>) => Promise<PlanEntry>;
/** An action hook's signature (`provision`, `attach` ...): sends its writes (initial requests only) and returns outputs or an Operation for core to poll. */
export type ActionHook<TWith = any> = (ctx: StepContext<TWith>) => Promise<StepResult>;

/**
 * A target plugin. The action named `configure-run` is served by the hook `configureRun`;
 * every other action by the hook of the same name.
 */
export interface Plugin {
  /** Must equal {@link PLUGIN_API_VERSION}. */
  apiVersion: typeof PLUGIN_API_VERSION;
  /** Short name shown to users ("amlcompute"). */
  name: string;
  description?: string;
  /** The actions this plugin supports; a step's `action:` must be one of these keys. */
  actions: Readonly<Record<string, ActionSpec<any>>>;
  /**
   * Set when this target exists but cannot be managed from a workflow (ACI is created by a
   * model deployment, never created or attached here). Validation then rejects every step
   * that `uses:` the plugin with E_UNSUPPORTED_TARGET, `reason` as the message and `hint`
   * as the hint, before anything is sent. Such a plugin usually declares no actions.
   */
  unsupported?: { reason: string; hint?: string };
  /**
   * Reads the current state (never writes) and says what the step's action would do.
   * Called by `plan` for every step, and by `run` right before the action hook, whose
   * `ctx.plan` it becomes. Without it, core plans every step as its action's default.
   */
  plan?: PlanHook;
  /** `action: provision`: create or update a compute the workspace owns. */
  provision?: ActionHook;
  /** `action: attach`: attach an existing Azure resource as a compute target. */
  attach?: ActionHook;
  /** `action: configure-run`: write the run configuration for a compute target. */
  configureRun?: ActionHook;
  /** `action: detach`, and `destroy` of an attach step: detach, never delete the resource. */
  detach?: ActionHook;
  /** `action: delete`, and `destroy` of a provision step. */
  delete?: ActionHook;
  start?: ActionHook;
  stop?: ActionHook;
  restart?: ActionHook;
}

/** Identity helper that exists for type inference only (like Vite's `defineConfig`). */
export function definePlugin<const P extends Plugin>(plugin: P): P {
  return plugin;
}

/** The hook that serves an action: "configure-run" -> "configureRun". */
export function hookNameFor(action: string): string {
  return action.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
