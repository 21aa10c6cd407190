import type { Outputs, PlanEntry, StepContext, WorkspaceRef } from "../plugin.js";
import { staticTokenCredential } from "../azure/credential.js";
import type { RunEvent } from "../runtime/events.js";
import { Redactor } from "../runtime/redactor.js";
import { createRunServices, type RunServices } from "../runtime/run-services.js";
import { buildStepContext } from "../runtime/step-context.js";
import { EMULATOR_WORKSPACE } from "./default-workspace.js";

/** The step, `with` and emulator a test's StepContext is built for. */
export interface CreateStepContextOptions {
  endpoint: string;
  caCert: string;
  /** Defaults to the emulator's default workspace. */
  workspace?: WorkspaceRef;
  step: { id: string; name?: string; uses?: string; action: string };
  with: Record<string, unknown>;
  workflowDir?: string;
  plan?: PlanEntry;
  allowReplace?: boolean;
  needs?: Record<string, Outputs>;
  secrets?: string[];
  signal?: AbortSignal;
  /** The action's path fields, whose files `ctx.bodyContext()` reads (runPluginStep fills them in). */
  pathFields?: readonly string[];
  /** Poll intervals; short by default so tests against a time-scaled emulator stay fast. */
  poll?: { initialIntervalMs?: number; maxIntervalMs?: number };
}

const servicesOf = new WeakMap<StepContext, RunServices>();

/**
 * A real StepContext for testing a hook: real SDK clients over HTTPS to the emulator,
 * through core's rate limiter, retry policy and redactor. `events` fills as the hook logs.
 */
export function createStepContext(options: CreateStepContextOptions): { ctx: StepContext; events: RunEvent[] } {
  const events: RunEvent[] = [];
  const workspace = options.workspace ?? EMULATOR_WORKSPACE;
  const services = createRunServices({
    subscriptionId: workspace.subscriptionId,
    endpoint: options.endpoint,
    caCert: options.caCert,
    credential: staticTokenCredential(),
    redactor: new Redactor(options.secrets ?? []),
    onEvent: (event) => events.push(event),
    poll: { initialIntervalMs: 100, maxIntervalMs: 1000, ...options.poll },
  });
  const ctx = buildStepContext(services, {
    step: { id: options.step.id, name: options.step.name ?? options.step.id, uses: options.step.uses ?? "test", action: options.step.action },
    with: options.with,
    workspace,
    workflowDir: options.workflowDir ?? process.cwd(),
    plan: options.plan,
    allowReplace: options.allowReplace ?? false,
    needs: options.needs ?? {},
    signal: options.signal ?? new AbortController().signal,
    ...(options.pathFields ? { pathFields: options.pathFields } : {}),
  });
  servicesOf.set(ctx, services);
  return { ctx, events };
}

/** The run services behind a context made by {@link createStepContext}. */
export function servicesFor(ctx: StepContext): RunServices {
  const services = servicesOf.get(ctx);
  if (!services) throw new Error("this StepContext was not made by createStepContext");
  return services;
}
