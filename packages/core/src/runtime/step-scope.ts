import { AsyncLocalStorage } from "node:async_hooks";

/** Which step a request belongs to: the shared SDK client serves every step, so the journal asks this. */
export const stepScope = new AsyncLocalStorage<{ stepId: string }>();

export function currentStepId(): string | undefined {
  return stepScope.getStore()?.stepId;
}
