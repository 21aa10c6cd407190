import { setMaxListeners } from "node:events";
import type { TokenCredential } from "@azure/core-auth";
import { planArm } from "../arm-engine/plan-arm.js";
import { runArm } from "../arm-engine/run-arm.js";
import { buildGraph } from "../graph/step-graph.js";
import type { Outputs } from "../plugin.js";
import type { RequestTrace } from "../azure/request-gate.js";
import { systemClock, type Clock } from "./clock.js";
import { destroyActionOf, destroyStepOnce } from "./destroy-step.js";
import type { EngineStep, EngineWorkflow } from "./engine-types.js";
import type { RunEventListener, RunMode, StepStatus } from "./events.js";
import { executeGraph, type Decision } from "./execute-graph.js";
import { executeStep } from "./execute-step.js";
import { startEarlyPlans } from "./early-plans.js";
import { Journal, newRunId } from "./journal.js";
import { readLastRun, type PreviousRun } from "./journal-reader.js";
import { carryJournaledOutputs, missingReads, outputReaders, type OutputReaders } from "./resume-outputs.js";
import { removeGeneratedFiles } from "./remove-generated.js";
import { planWorkflow } from "./plan-workflow.js";
import { Redactor } from "./redactor.js";
import type { RunContext } from "./run-context.js";
import { createRunServices } from "./run-services.js";
import { guardRun, type RunGuard } from "./run-guard.js";
import { runStepOnce } from "./run-step.js";
import { interruptedError } from "./step-errors.js";
import { REQUEST_RETRY_POLICY, scaledRetry } from "./retry-policy.js";
import { stepRetryPolicy } from "./step-retry.js";

/** How runEngine runs: the mode, where Azure is (endpoint, cloud, credential), concurrency, resume and the event listener. */
export interface EngineOptions {
  mode: RunMode;
  /** ARM endpoint override (an emulator) and the CA to trust for it. */
  endpoint?: string;
  caCert?: string;
  cloud?: string;
  env?: Record<string, string | undefined>;
  credential?: TokenCredential;
  concurrency?: number;
  failFast?: boolean;
  resume?: boolean;
  allowReplace?: boolean;
  signal?: AbortSignal;
  onEvent?: RunEventListener;
  clock?: Clock;
  poll?: { initialIntervalMs?: number; maxIntervalMs?: number };
  /** Every request sent and response received, with the engine clock's time (diagnostics, tests). */
  onRequest?: (record: RequestTrace) => void;
  /**
   * "arm": provision and attach steps run as one ARM deployment (plan: what-if); the rest,
   * and destroy, stay with the local engine. Defaults to "local".
   */
  engine?: "local" | "arm";
  /**
   * Called synchronously once each journal record is on disk, with the record's type
   * ("step_started", "write" ...) and step. The CLI's COMPUTEFLOW_CRASH_AFTER uses it.
   */
  onJournal?: (type: string, step: string | undefined) => void;
  /**
   * Multiplies every step's timeout, its action's default or its timeout_minutes (tests against
   * a fast emulator; messages keep the unscaled minutes). Defaults to 1.
   */
  timeoutScale?: number;
  /** Scales step and request retry backoff (tests against a time-scaled emulator); Retry-After is never scaled. */
  timeScale?: number;
}

/** How a run ended: overall status, each step's status and outputs, and the journal file (not for plan). */
export interface EngineResult {
  status: "succeeded" | "failed" | "interrupted";
  steps: Record<string, StepStatus>;
  outputs: Record<string, Outputs>;
  journal?: string;
}

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
  const journal = options.mode === "plan" ? undefined : Journal.create(workflow.dir, runId, redactor, options.onJournal);
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

  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const arm = options.engine === "arm";
  if (options.mode === "plan") {
    await (arm ? planArm(run, order, concurrency) : planWorkflow(run, order, concurrency, readLastRun(workflow.dir, "run").previous?.succeeded));
  } else if (options.mode === "run") {
    const resumed = options.resume ? previous : undefined;
    if (resumed) {
      run.journaled = resumed.journaled;
      carryJournaledOutputs(run, resumed);
    }
    const decide = resumeDecider(run, resumed, outputReaders(workflow.steps));
    if (arm) {
      await runArm(run, graph, byId, order, { concurrency, failFast: options.failFast ?? false, decide });
    } else {
      startEarlyPlans(run, graph, byId, concurrency);
      await executeGraph(run, graph, byId, {
        concurrency,
        failFast: options.failFast ?? false,
        decide,
        execute: (step) => executeStep(run, step, (signal, deadline) => runStepOnce(run, step, signal, deadline)),
      });
    }
  } else {
    for (const [id, outputs] of previous?.succeeded ?? []) if (byId.has(id)) run.outputs[id] = outputs;
    const reversed = buildGraph(workflow.steps.map((s) => ({ id: s.id, needs: graph.dependentsOf(s.id) })));
    await executeGraph(run, reversed, byId, {
      concurrency,
      failFast: options.failFast ?? false,
      decide: (step) => (destroyActionOf(step) ? undefined : removeGeneratedFiles(run, step, previous?.files.get(step.id) ?? [])),
      execute: (step) => executeStep(run, step, (signal, deadline) => destroyStepOnce(run, step, signal, deadline), destroyActionOf(step)),
    });
  }

  const status = controller.signal.aborted ? "interrupted" : Object.entries(run.statuses).some(([id, s]) => isFailure(s, byId.get(id))) ? "failed" : "succeeded";
  services.emit({ type: "run_finished", time: run.now(), status, durationMs: clock.now() - started, steps: { ...run.statuses } });
  journal?.write({ type: "run_finished", time: run.now(), status });
  journal?.close();
  options.signal?.removeEventListener("abort", onAbort);
  return { status, steps: run.statuses, outputs: run.outputs, ...(journal ? { journal: journal.path } : {}) };
}

/**
 * Decides ready steps of `run`: a step the resumed run finished is done (its journaled
 * outputs), unless they lack an output a later step reads: then it runs again, with a warning.
 */
function resumeDecider(run: RunContext, previous: PreviousRun | undefined, readers: OutputReaders): (step: EngineStep) => Decision | undefined {
  const rerun = new Set<string>();
  return (step) => {
    const recorded = rerun.has(step.id) ? undefined : previous?.succeeded.get(step.id);
    if (recorded) {
      const missing = missingReads(step.id, recorded, readers);
      if (missing.length === 0) return { status: "noop", outputs: recorded, resumed: true };
      rerun.add(step.id);
      const message = `step ${step.id} runs again: the journal of run ${previous!.runId} lacks its output ${missing.join(", ")}`;
      run.services.emit({ type: "run_warning", time: run.now(), message });
      run.journal?.write({ type: "step_outputs", time: run.now(), step: step.id, outputs: recorded, carried: true });
    }
    return decideIf(run, step);
  };
}

function decideIf(run: RunContext, step: EngineStep): Decision | undefined {
  try {
    if (!step.shouldRun(run.outputs, run.statuses)) return { status: "skipped" };
  } catch {
    return undefined;
  }
  return undefined;
}

function isFailure(status: StepStatus, step: EngineStep | undefined): boolean {
  return (status === "failed" && !step?.continueOnError) || status === "cancelled";
}
