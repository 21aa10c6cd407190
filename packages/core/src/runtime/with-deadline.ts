import { setMaxListeners } from "node:events";
import { ComputeflowError, ErrorCodes } from "../errors.js";
import type { Clock } from "./clock.js";

/**
 * An AbortSignal for one step: aborted by the run's signal, or with E_TIMEOUT at `deadline`.
 * Returns a disposer that clears the timer.
 */
export function stepSignal(clock: Clock, parent: AbortSignal, step: string, deadline: number | undefined, limit = "its timeout_minutes"): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  const onParent = (): void => controller.abort(parent.reason);
  if (parent.aborted) onParent();
  parent.addEventListener("abort", onParent, { once: true });
  const timer =
    deadline === undefined
      ? undefined
      : clock.setTimeout(
          () =>
            controller.abort(
              new ComputeflowError({
                code: ErrorCodes.TIMEOUT,
                errorClass: "timeout",
                message: `step "${step}" exceeded ${limit}`,
                hint: "set timeout_minutes on the step (or under `defaults:`) to give it longer; the operation may still be running in Azure",
              }),
            ),
          Math.max(0, deadline - clock.now()),
        );
  return {
    signal: controller.signal,
    dispose() {
      parent.removeEventListener("abort", onParent);
      if (timer !== undefined) clock.clearTimeout(timer);
    },
  };
}

/** Settles with `promise`, or rejects with the signal's reason as soon as it aborts (hooks may ignore signals). */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
