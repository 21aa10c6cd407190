/**
 * The test `isRestError` of @azure/core-rest-pipeline applies (an error-shaped object named
 * "RestError"), without importing the pipeline: commands that never talk to Azure must not load it.
 */
export function isRestError(error: unknown): error is Error & { statusCode?: number; code?: string; details?: unknown } {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { name?: unknown; message?: unknown };
  return e.name === "RestError" && typeof e.message === "string";
}
