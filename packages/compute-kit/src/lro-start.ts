/**
 * Sends the initial request of a long-running write and leaves the rest to core's poller.
 *
 * The SDK's `begin*` methods poll once before they return (arm-machinelearningservices 5.0.1
 * `beginCreateOrUpdate`: `await poller.poll()`). When the operation has already ended by
 * then, that poll throws core-lro's outcome: `The long-running operation has failed ...`
 * or a `PollerCancelledError`. The request itself was accepted, so that is not a failure
 * of the write: the compute's provisioningState (Failed or Canceled) says what happened,
 * and the readiness reports it with ARM's errors. Anything else (a 4xx of the request, a
 * network error) is thrown as it came.
 */
export async function startWrite(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (isOperationOutcome(error)) return;
    throw error;
  }
}

/** core-lro's errors for an operation that ended unsuccessfully (they carry no HTTP status). */
export function isOperationOutcome(error: unknown): boolean {
  if (!(error instanceof Error) || (error as { statusCode?: unknown }).statusCode !== undefined) return false;
  return error.name === "PollerCancelledError" || error.message.startsWith("The long-running operation has failed");
}
