import { ComputeflowError } from "../errors.js";

/** A compute left the path to the state a step waits for (someone else stopped or deleted it). */
export const E_UNEXPECTED_STATE = "E_UNEXPECTED_STATE";

/**
 * The error an Operation returns, at once, when the compute it waits on moves off the path to
 * `wanted` (Stopped while waiting for Running, Deleting while waiting for Succeeded). Not
 * retried: waiting longer cannot help, and a retry would fight whoever moved it.
 */
export function unexpectedStateError(what: string, state: string, wanted: string): ComputeflowError {
  return new ComputeflowError({
    code: E_UNEXPECTED_STATE,
    errorClass: "conflict",
    retryable: false,
    message: `${what} went to ${state} while this step waited for ${wanted}`,
    hint: "something else changed it (another run, a person, a schedule): find out what, then run again",
  });
}
