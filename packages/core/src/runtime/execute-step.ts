import { ErrorCodes } from "../errors.js";
import { sleep } from "./clock.js";
import { defaultTimeoutMinutes } from "./default-timeouts.js";
import type { EngineStep } from "./engine-types.js";
import type { StepStatus } from "./events.js";
import { completeOutputs } from "./resume-outputs.js";
import type { RunContext } from "./run-context.js";
import type { StepOutcome } from "./run-step.js";
import { serializeError } from "./serialize-error.js";
import { toStepError } from "./step-errors.js";
import { stepSignal } from "./with-deadline.js";

export type StepAttempt = (signal: AbortSignal, deadline: number | undefined) => Promise<StepOutcome>;

/** Runs a step's attempts under its timeout and retry policy, publishing events, journal lines and outputs. */
export async function executeStep(run: RunContext, step: EngineStep, attemptOnce: StepAttempt, action: string = step.action): Promise<StepStatus> {
  const clock = run.services.clock;
  const started = clock.now();
  const minutes = step.timeoutMinutes ?? defaultTimeoutMinutes(action);
  const deadline = started + minutes * 60_000 * (run.timeoutScale ?? 1);
  const limit = step.timeoutMinutes ? `its timeout_minutes (${minutes})` : `the default timeout of ${action} steps (${minutes} minutes)`;
  const { signal, dispose } = stepSignal(clock, run.signal, step.id, deadline, limit);
  const retry = run.stepRetry(step);
  try {
    for (let attempt = 1; ; attempt++) {
      run.services.emit({ type: "step_started", time: run.now(), step: step.id, uses: step.uses, action, attempt });
      run.journal?.write({ type: "step_started", time: run.now(), step: step.id, attempt });
      try {
        const outcome = await attemptOnce(signal, deadline);
        const { outputs, fromJournal } = completeOutputs(outcome.outputs, run.journaled?.get(step.id));
        if (fromJournal.length > 0) {
          const message = `${fromJournal.join(", ")}: not known now, taken from the journal of the resumed run`;
          run.services.emit({ type: "step_log", time: run.now(), step: step.id, level: "info", message });
        }
        run.outputs[step.id] = outputs;
        return finish(run, step, outcome.status, clock.now() - started, { outputs, ...(outcome.files ? { files: outcome.files } : {}) });
      } catch (thrown) {
        const error = toStepError(signal.aborted ? signal.reason : thrown);
        if (!signal.aborted && retry.shouldRetry(attempt, error)) {
          const delayMs = retry.delayFor(attempt, error);
          run.services.emit({ type: "step_retry", time: run.now(), step: step.id, attempt, delayMs, error: serializeError(error) });
          await sleep(clock, delayMs, signal).catch(() => undefined);
          if (!signal.aborted) continue;
        }
        const finalError = signal.aborted ? toStepError(signal.reason) : error;
        const status: StepStatus = finalError.code === ErrorCodes.INTERRUPTED ? "cancelled" : "failed";
        return finish(run, step, status, clock.now() - started, { error: serializeError(finalError) });
      }
    }
  } finally {
    dispose();
  }
}

export function finish(
  run: RunContext,
  step: EngineStep,
  status: StepStatus,
  durationMs: number,
  extra: { outputs?: Record<string, unknown>; error?: ReturnType<typeof serializeError>; files?: string[]; resumed?: boolean } = {},
): StepStatus {
  run.statuses[step.id] = status;
  const outputs = extra.outputs as Record<string, never> | undefined;
  run.services.emit({
    type: "step_finished",
    time: run.now(),
    step: step.id,
    status,
    durationMs,
    ...(outputs ? { outputs } : {}),
    ...(extra.error ? { error: extra.error } : {}),
    ...(extra.files ? { files: extra.files } : {}),
    ...(extra.resumed ? { resumed: true } : {}),
  });
  run.journal?.write({
    type: "step_finished",
    time: run.now(),
    step: step.id,
    status,
    ...(outputs ? { outputs } : {}),
    ...(extra.error ? { error: extra.error } : {}),
    ...(extra.files ? { files: extra.files } : {}),
    ...(extra.resumed ? { resumed: true } : {}),
  });
  return status;
}
