/**
 * The plugin contract (API 2): everything a target plugin may rely on, and everything core
 * expects of one. A plugin is a name plus its actions; an action is one unit
 * ({@link defineAction}): the JSON Schema of its `with`, its outputs, and its lifecycle
 * (`check` -> `plan` -> `apply`, `destroy`, and `body` for actions that send ARM requests).
 * The type of `with` is derived from the schema, so every hook of an action sees one type.
 *
 * STOP! Every type here is public API. A change is a change for third-party plugins:
 * keep it additive, or bump PLUGIN_API_VERSION. (API 1 plugins still load: plugin-v1.ts.)
 *
 * Rules for hooks:
 * - Hooks never sleep, loop or retry. A hook starts at most one write and returns an
 *   {@link Operation} that core's shared poller drives to completion.
 * - Hooks talk to Azure only through the clients in {@link StepContext.azure}, so every
 *   request goes through core's rate limiter, retry policy and journal.
 * - Hooks throw {@link ComputeflowError}s (or anything; core wraps it as E_PLUGIN naming the
 *   plugin and the hook). They never print: use {@link StepContext.log}.
 * - Core applies the schema's defaults once, before `check`: hooks never re-apply them.
 * - Only core refuses a step: a plan labelled with a `blocked` or `replace-required` effect.
 */

import type { TokenCredential } from "@azure/core-auth";
import type { AzureMachineLearningWorkspaces, ComputeResource, ResourceQuota, Usage, VirtualMachineSize, Workspace } from "@azure/arm-machinelearningservices";
import type { FromSchema, JSONSchema } from "json-schema-to-ts";
import type { ComputeflowError } from "./errors.js";
import type { PluginV1 } from "./plugin-v1.js";

/** The plugin API this core implements. Core refuses plugins built for another one. */
export const PLUGIN_API_VERSION = 2 as const;

/** A JSON Schema (draft 2020-12 subset that ajv understands) for one action's `with`. */
export type JsonSchema = Record<string, unknown>;
/** A schema written `as const`, from which the type of `with` is derived (json-schema-to-ts). */
export type TypedSchema = JSONSchema;

/** Values a step publishes for later steps' `${{ steps.ID.outputs.KEY }}`. */
export type OutputValue = string | number | boolean | null | readonly string[];
/** A step's outputs by key, as declared per action in ActionDefinition.outputs; later steps read them through expressions. */
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

/** Static context for {@link ActionDefinition.check}: pure data, no I/O. */
export interface CheckContext {
  stepId: string;
  computeName: string;
  workspace: WorkspaceRef;
  /** Directory of the workflow file; relative paths in `with` are relative to it. */
  workflowDir: string;
  /**
   * True when the top-level `with` field holds its schema default (the file does not set it),
   * so a check can point at the field the user wrote ("min_nodes 6 > max_nodes, default 4").
   */
  isDefault(field: string): boolean;
}

/** A problem found by {@link ActionDefinition.check}; core adds the file position. */
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

/**
 * What core does with a planned step: nothing, the change, a refusal (blocked), or a
 * refusal unless `--allow-replace` (replace-required). Exit codes and refusals use effects.
 */
export type Effect = "noop" | "change" | "blocked" | "replace-required";

/** The labels every plugin may put in {@link PlanEntry.change}, each with its effect. */
export const STANDARD_LABELS = {
  create: "change",
  update: "change",
  attach: "change",
  reattach: "change",
  detach: "change",
  delete: "change",
  write: "change",
  "in-progress": "change",
  start: "change",
  stop: "change",
  restart: "change",
  noop: "noop",
  blocked: "blocked",
  "replace-required": "replace-required",
} as const satisfies Record<string, Effect>;

/** A standard label of what `run` would do for a step, as `computeflow plan` shows it. */
export type ChangeKind = keyof typeof STANDARD_LABELS;

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
  /** A standard label, or one the action declares in {@link ActionDefinition.labels}. */
  change: ChangeKind | (string & {});
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
  /**
   * Final outputs, when the action is already complete. With an `operation`: outputs already
   * known (core journals them at once, so a resumed run has them); the operation's are added.
   */
  outputs?: Outputs;
  /** An operation for core to poll; its final outputs become the step's outputs. */
  operation?: Operation;
  /** False when nothing was changed (idempotent re-run). Defaults to true. */
  changed?: boolean;
  /** Files the step wrote or found up to date (configure-run), relative to the workflow directory; `computeflow destroy` removes them. */
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
   * Sends one raw ARM request through the same pipeline as ml() (credential, core's gate and
   * retries, TLS trust): for resources and api-versions no bundled SDK covers, and for the
   * request an action's `body()` built (`ctx.azure.send(request)` sends exactly that). The
   * reply is returned whatever its status; errors are only transport failures.
   */
  send(request: ArmSend, signal?: AbortSignal): Promise<ArmSendReply>;
  /**
   * Where to open an SSH connection to `host:port`. Identity against Azure; against the
   * emulator, the loopback endpoint that stands in for that VM or head node.
   */
  sshEndpoint(host: string, port: number): Promise<{ host: string; port: number }>;
  /**
   * Reads shared by every step of the run in this subscription. Prefer them to the SDK for
   * the workspace, VM sizes, usages, quotas and a compute's existence and state: each is
   * read at most once per run (per workspace or region), whatever the number of steps.
   */
  readonly reads: SharedReads;
}

/**
 * The run's shared reads of one subscription (see {@link AzureAccess.reads}). Nothing here
 * writes. A failed read is not remembered: the next call reads again.
 */
export interface SharedReads {
  /** The workspace (location, ids), read once per run. */
  workspace(workspace: WorkspaceRef): Promise<Workspace>;
  /** The VM sizes Azure ML offers in `location`, read once per run. */
  vmSizes(location: string): Promise<VirtualMachineSize[]>;
  /**
   * The regional usages of `location`, read once per run, with the vCPUs other steps of this
   * run claimed (see claimUsage) added to `currentValue`: quota is checked against what the
   * run itself has asked for, not against a second read.
   */
  usages(location: string): Promise<Usage[]>;
  /**
   * Records that the calling step will ask for `vcpus` more vCPUs from each of `usages`
   * (as returned by usages()), if they still fit under each usage's limit with what other
   * steps claimed meanwhile; false (nothing recorded) when they do not: read usages() again.
   * A step's later claim replaces its earlier one.
   */
  claimUsage(location: string, usages: readonly Usage[], vcpus: number): boolean;
  /** The workspace-level quotas of `location`, read once per run. */
  quotas(location: string): Promise<ResourceQuota[]>;
  /**
   * The workspace's computes: one list per workspace, refreshed by the poller's own lists.
   * A compute this run wrote to since that list is read again by name.
   */
  computes(workspace: WorkspaceRef): Promise<ComputeResource[]>;
  /** One compute from the shared list (undefined when it does not exist). */
  compute(workspace: WorkspaceRef, name: string): Promise<ComputeResource | undefined>;
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
  /** `with`, every expression resolved and the schema defaults applied. Secret values are real here: never log them. */
  readonly with: TWith;
  readonly workspace: WorkspaceRef;
  readonly workflowDir: string;
  /** The project the workflow belongs to: files the step writes must stay inside it. */
  readonly projectRoot: string;
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
  /**
   * The {@link BodyContext} core would hand the action's `body` for this step in `location`:
   * apply builds its requests with it (`body(ctx.with, ctx.bodyContext(location))`), so they
   * equal what plan diffs and exports see. Core reads the path fields' files at this call
   * (E_PATH_NOT_FOUND when one cannot be read); secret file contents are the hook's to mark.
   */
  bodyContext(location: string): BodyContext;
}

// ---------------------------------------------------------------------------------------
// Actions and plugins

/** The type of `with` an action's hooks receive: derived from its schema, defaults applied. */
export type WithOf<S> = S extends JSONSchema
  ? JSONSchema extends S
    ? Record<string, unknown>
    : FromSchema<S, { keepDefaultedPropertiesOptional: false }>
  : Record<string, unknown>;

declare const unresolvedBrand: unique symbol;
/** A `with` value known only at run time (it reads `${{ steps.* }}` or a secret), as `check` sees it. */
export interface Unresolved {
  readonly [unresolvedBrand]: true;
  /** The text as written, `${{ steps.net.outputs.id }}`. */
  readonly expression: string;
}
const UNRESOLVED_KEY = Symbol.for("computeflow.unresolved");

/** Marks a value as known only at run time; core builds these, tests of `check` may too. */
export function unresolved(expression: string): Unresolved {
  return Object.freeze({ [UNRESOLVED_KEY]: true, expression }) as unknown as Unresolved;
}

/** True for a `with` value `check` cannot know yet: skip it (it is checked again at run time). */
export function isUnresolved(value: unknown): value is Unresolved {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[UNRESOLVED_KEY] === true;
}

/** A value as `check` sees it: any leaf may still be {@link Unresolved}. */
export type Checkable<T> = T extends readonly (infer E)[]
  ? readonly Checkable<E>[] | Unresolved
  : T extends object
    ? { [K in keyof T]: Checkable<T[K]> } | Unresolved
    : T | Unresolved;

/** `with` as `check` and `attachedResource` see it: defaults applied, run-time values {@link Unresolved}. */
export type CheckInput<W> = { [K in keyof W]: Checkable<W[K]> };

/**
 * What `body` is given besides `with`: where the request goes, and the local files it may
 * put in the request. `body` never reads the disk: core reads the files for it.
 */
export interface BodyContext {
  computeName: string;
  workspace: WorkspaceRef;
  /** The workspace's region (read once by whoever calls `body`). */
  location: string;
  /**
   * The workspace's immutable id (Workspace.workspaceId), for a name derived from it (instance
   * `unique_name`). Core's ARM engine sets it; `apply` adds it to `ctx.bodyContext()` when it needs it.
   */
  workspaceId?: string;
  /**
   * The text (utf8) of each of the action's {@link ActionDefinition.pathFields} that has a
   * value in `with`, by field name, read by core (relative to the workflow file, `~` expands).
   */
  files: Readonly<Record<string, string>>;
  /**
   * This step's plan, for an action that declares `planBeforeBody`: a request carrying
   * something only Azure knows (a Databricks workspace's URL) takes it from `plan.state`,
   * where the action's plan put it. Whoever calls `body` plans the step first.
   */
  plan?: PlanEntry;
}

/** One ARM request, exactly as `apply` sends it (secrets from `with` included: redact before showing). */
export interface ArmRequest {
  method: "PUT" | "PATCH" | "POST";
  /** Path under the ARM endpoint: "/subscriptions/.../computes/NAME". */
  path: string;
  apiVersion: string;
  body: unknown;
}

/** A raw ARM request for {@link AzureAccess.send}; an {@link ArmRequest} is one. */
export interface ArmSend {
  method: "GET" | "PUT" | "PATCH" | "POST" | "DELETE";
  /** Path under the ARM endpoint, without the query. */
  path: string;
  apiVersion: string;
  /** Query parameters besides api-version (`underlyingResourceAction` of a compute DELETE). */
  query?: Readonly<Record<string, string>>;
  /** Sent as JSON when given. */
  body?: unknown;
}

/** ARM's answer to {@link AzureAccess.send}. */
export interface ArmSendReply {
  status: number;
  bodyAsText: string | undefined;
  header(name: string): string | undefined;
}

/** What `computeflow destroy` does for a step of an action: delete what it made, or detach. */
export interface DestroyDefinition<W> {
  /** Shown by plan and passed as `ctx.step.action` ("delete", "detach"). */
  label: string;
  /** Reads only; without it, destroy plans the label. */
  plan?: (ctx: StepContext<W>) => Promise<PlanEntry>;
  apply: (ctx: StepContext<W>) => Promise<StepResult>;
}

/** One action (`action: provision`, `attach` ...): its data and its whole lifecycle, typed by its schema. */
export interface ActionDefinition<S = JsonSchema, W = WithOf<S>> {
  description?: string;
  /** JSON Schema of `with` (write it `as const`). Compiled once by core (ajv); its `default`s are applied by core. */
  schema: S;
  /** The outputs this action publishes, name -> description. Expressions may read only these. */
  outputs: Readonly<Record<string, string>>;
  /** Top-level fields holding secrets: only `${{ secrets.X }}` is accepted; values are redacted everywhere. */
  secretFields?: readonly (keyof W & string)[];
  /** Top-level fields naming local files that must exist (relative to the workflow; `~` expands). */
  pathFields?: readonly (keyof W & string)[];
  /**
   * Top-level fields naming files the action writes (relative to the workflow). Core refuses,
   * at validation, a path outside the project root or an existing file computeflow did not
   * write (generated files carry a "Written by computeflow" header).
   */
  writeFields?: readonly (keyof W & string)[];
  /** True when the step owns a compute name in the workspace; the name must satisfy {@link computeName}. */
  claimsComputeName?: boolean;
  computeName?: ComputeNameRules;
  /** The label plan shows without a `plan` hook, or while inputs are known only after apply. Defaults to "write". */
  label?: string;
  /** The action's own plan labels ("resize"), each mapped to one effect; standard labels need no entry. */
  labels?: Readonly<Record<string, Effect>>;
  /** Pure cross-field checks (max >= min ...), after the schema passed and defaults were applied. */
  check?: (input: CheckInput<W>, ctx: CheckContext) => CheckProblem[];
  /** Attach actions: the underlying Azure resource id, lower case; core refuses two steps attaching one resource. */
  attachedResource?: (input: CheckInput<W>, ctx: CheckContext) => string | undefined;
  /** Reads the current state (never writes) and says what `apply` would do; `run` hands it to `apply` as `ctx.plan`. */
  plan?: (ctx: StepContext<W>) => Promise<PlanEntry>;
  /** Sends the action's writes (initial requests only) and returns outputs or an Operation to poll. */
  apply: (ctx: StepContext<W>) => Promise<StepResult>;
  destroy?: DestroyDefinition<W>;
  /** ARM actions: the request `apply` sends, side-effect free (plan diffs and exports use it too). */
  body?: (input: W, ctx: BodyContext) => ArmRequest;
  /** `body` reads this step's plan (BodyContext.plan): core plans the step before calling `body`, exports included. */
  planBeforeBody?: boolean;
}

/** Any action, whatever its schema (what core and {@link Plugin.actions} hold). */
export type AnyAction = ActionDefinition<any, any>;

/**
 * Declares one action; infers the type of `with` from `schema` (written `as const`) and checks
 * every hook against it. A schema typed only as JsonSchema gives `Record<string, unknown>`.
 */
export function defineAction<const S extends JSONSchema | JsonSchema>(action: ActionDefinition<S>): ActionDefinition<S> {
  return action;
}

/** A target plugin: a name and its actions. Core dispatches `action: KEY` to `actions[KEY]`. */
export interface Plugin {
  /** Must equal {@link PLUGIN_API_VERSION}. */
  apiVersion: typeof PLUGIN_API_VERSION;
  /** Short name shown to users ("amlcompute"). */
  name: string;
  description?: string;
  actions: Readonly<Record<string, AnyAction>>;
  /**
   * Set when this target exists but cannot be managed from a workflow (ACI). Validation then
   * rejects every step that `uses:` it with E_UNSUPPORTED_TARGET. Such a plugin declares no actions.
   */
  unsupported?: { reason: string; hint?: string };
  /**
   * False for a plugin that never talks to Azure (the `local` target). A run whose steps all
   * use such plugins neither signs in nor contacts an endpoint. Defaults to true.
   */
  usesAzure?: boolean;
}

/** Identity helper for type inference (like Vite's `defineConfig`). API 1 plugins are accepted too. */
export function definePlugin<const P extends Plugin>(plugin: P): P;
/** @deprecated plugin API 1: still loaded through an adapter; write actions with defineAction. */
export function definePlugin<const P extends PluginV1>(plugin: P): P;
export function definePlugin(plugin: Plugin | PluginV1): Plugin | PluginV1 {
  return plugin;
}
