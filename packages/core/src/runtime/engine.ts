import { setMaxListeners } from "node:events";
import { buildGraph } from "../graph/step-graph.js";
import { systemClock } from "./clock.js";
import type { EngineOptions, EngineResult } from "./engine-options.js";
import type { EngineStep, EngineWorkflow } from "./engine-types.js";
import type { StepStatus } from "./events.js";
import { Journal, newRunId } from "./journal.js";
import { Redactor } from "./redactor.js";
import type { RunContext } from "./run-context.js";
import { MODES } from "./run-modes.js";
import { createRunServices } from "./run-services.js";
import { guardRun, type RunGuard } from "./run-guard.js";
import { interruptedError } from "./step-errors.js";
import { REQUEST_RETRY_POLICY, scaledRetry } from "./retry-policy.js";
import { stepRetryPolicy } from "./step-retry.js";

export type { EngineOptions, EngineResult } from "./engine-options.js";

/** Steps run at once when EngineOptions.concurrency is not set. */
export const DEFAULT_CONCURRENCY = 8;

/**
 * Runs a resolved workflow in one of the three modes. Never throws for step failures; reports
 * through events. Throws before any step when the run cannot start (E_LOCKED, E_AUTH, E_ENDPOINT).
 */
export async function runEngine(workflow: EngineWorkflow, options: EngineOptions): Promise<EngineResult> {
  const guard = await guardRun(workflow, options);
  try {
    return await runGuarded(workflow, options, guard);
  } finally {
    guard.release();
  }
}

async function runGuarded(workflow: EngineWorkflow, options: EngineOptions, guard: RunGuard): Promise<EngineResult> {
  const clock = options.clock ?? systemClock;
  const started = clock.now();
  const redactor = new Redactor(workflow.secrets);
  const runId = newRunId(new Date(clock.now()));
  const previous = guard.previous;
  const mode = MODES[options.mode];
  const journal = mode.writes ? Journal.create(workflow.dir, runId, redactor, options.onJournal) : undefined;
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  const onAbort = (): void => controller.abort(interruptedError());
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener("abort", onAbort, { once: true });
  const credential = guard.credential;
  const services = createRunServices({
    subscriptionId: workflow.workspace.subscriptionId,
    credential,
    clock,
    redactor,
    signal: controller.signal,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.caCert ? { caCert: options.caCert } : {}),
    ...(options.cloud ? { cloud: options.cloud } : {}),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    ...(options.poll ? { poll: options.poll } : {}),
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
    ...(options.timeScale ? { requestRetry: scaledRetry(REQUEST_RETRY_POLICY, options.timeScale) } : {}),
    ...(journal ? { onWrite: (record) => journal.write({ type: "write", time: new Date(clock.now()).toISOString(), ...record }) } : {}),
  });
  const run: RunContext = {
    workflow,
    services,
    journal,
    signal: controller.signal,
    allowReplace: options.allowReplace ?? false,
    outputs: {},
    statuses: {},
    activeHooks: new Map(),
    polling: new Set(),
    stepRetry: (step) => stepRetryPolicy(step.retry, options.timeScale),
    timeoutScale: options.timeoutScale ?? 1,
    now: () => new Date(clock.now()).toISOString(),
  };
  controller.signal.addEventListener("abort", () => {
    const inFlight = [...services.poller.inFlight(), ...[...run.activeHooks].map(([step, operation]) => ({ step, operation }))];
    services.emit({ type: "interrupted", time: run.now(), inFlight });
  });

  const graph = buildGraph(workflow.steps);
  const order = graph.order().map((id) => workflow.steps.find((s) => s.id === id)!);
  const byId = new Map(workflow.steps.map((s) => [s.id, s] as const));
  services.emit({ type: "run_started", time: run.now(), mode: options.mode, workflow: workflow.name, file: workflow.file, steps: order.map((s) => s.id) });
  journal?.write({ type: "run_started", time: run.now(), runId, mode: options.mode, workflow: workflow.name, ...(options.resume && previous ? { resumedFrom: previous.runId } : {}) });
  for (const message of guard.warnings) services.emit({ type: "run_warning", time: run.now(), message });

  await mode.execute({
    run,
    graph,
    order,
    byId,
    concurrency: Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY),
    failFast: options.failFast ?? false,
    engine: options.engine ?? "local",
    ...(previous ? { previous } : {}),
  });

  const status = controller.signal.aborted ? "interrupted" : Object.entries(run.statuses).some(([id, s]) => isFailure(s, byId.get(id))) ? "failed" : "succeeded";
  services.emit({ type: "run_finished", time: run.now(), status, durationMs: clock.now() - started, steps: { ...run.statuses } });
  journal?.write({ type: "run_finished", time: run.now(), status });
  journal?.close();
  options.signal?.removeEventListener("abort", onAbort);
  return { status, steps: run.statuses, outputs: run.outputs, ...(journal ? { journal: journal.path } : {}) };
}

function isFailure(status: StepStatus, step: EngineStep | undefined): boolean {
  return (status === "failed" && !step?.continueOnError) || status === "cancelled";
}
