import type { Operation, OperationStatus, StepContext } from "../plugin.js";
import { classifyAzureError } from "../azure/classify-error.js";
import { servicesFor } from "./create-step-context.js";

/** Drives `operation` with the real shared poller until done; failures come back as `{done, error}`. */
export async function pollOperation(operation: Operation, ctx: StepContext, opts: { timeoutMs?: number } = {}): Promise<OperationStatus> {
  const services = servicesFor(ctx);
  try {
    const outputs = await services.poller.track(operation, {
      step: ctx.step.id,
      workspace: ctx.workspace,
      deadline: services.clock.now() + (opts.timeoutMs ?? 60_000),
      signal: ctx.signal,
      onProgress: (progress) => ctx.log.progress(progress),
    });
    return { done: true, outputs };
  } catch (error) {
    return { done: true, error: classifyAzureError(error) };
  }
}
