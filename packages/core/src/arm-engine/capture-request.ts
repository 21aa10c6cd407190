import { ComputeflowError } from "../errors.js";
import type { Outputs } from "../plugin.js";
import type { EngineStep } from "../runtime/engine-types.js";
import type { RunContext } from "../runtime/run-context.js";
import { callHook } from "../runtime/run-step.js";
import { blockedError } from "../runtime/step-errors.js";
import { captureAccess, type CapturedWrite } from "./capture-access.js";
import { unsupported } from "./placement.js";

/** The one request a provision or attach step sends to create its compute. */
export interface StepRequest {
  compute: string;
  apiVersion: string;
  /** Parsed from the bytes the plugin's SDK call serialised. */
  body: Record<string, unknown>;
  bodyText: string;
}

/**
 * Obtains a step's create request from the plugin itself: its plan and action hooks run as
 * in `run`, reads reach Azure, the workspace looks empty so the create path is taken, and
 * the write is captured instead of sent. The body is therefore the plugin's own, not a copy.
 * `needs` holds what dependencies will publish (names known now, the rest as markers).
 */
export async function captureStepRequest(run: RunContext, step: EngineStep, needs: Record<string, Outputs>): Promise<StepRequest> {
  const writes: CapturedWrite[] = [];
  const workspace = step.workspace ?? run.workflow.workspace;
  const access = captureAccess(run.services.azureFor(workspace.subscriptionId), workspace, (w) => writes.push(w));
  const capture: RunContext = {
    ...run,
    outputs: needs,
    // Hooks take Azure through azureFor (one access per subscription): both answer the capture.
    services: { ...run.services, azure: access, azureFor: () => access },
    activeHooks: new Map(),
  };
  const plan = await callHook(capture, step, run.signal, "compiling", (ctx) => step.plugin.plan(step.action, ctx), undefined);
  if (plan?.change === "blocked") {
    const blocked = blockedError(step.id, plan);
    throw new ComputeflowError({ code: blocked.code, errorClass: "validation", retryable: false, message: `step ${step.id}: ${blocked.message}`, ...(blocked.hint ? { hint: blocked.hint } : {}) });
  }
  await callHook(capture, step, run.signal, "compiling", (ctx) => step.plugin.apply(step.action, ctx), plan);
  const computes = `/providers/Microsoft.MachineLearningServices/workspaces/${workspace.name}/computes/`.toLowerCase();
  const puts = writes.filter((w) => w.method === "PUT" && w.path.toLowerCase().includes(computes));
  if (writes.length !== 1 || puts.length !== 1 || puts[0]!.bodyText === undefined) {
    const sent = writes.map((w) => `${w.method} ${w.path}`).join(", ") || "nothing";
    throw unsupported(step, `a template resource is one PUT of a workspace compute, but this step sends ${sent}`);
  }
  const put = puts[0]!;
  return {
    compute: decodeURIComponent(put.path.split("/").pop()!),
    apiVersion: put.apiVersion ?? "2021-07-01",
    body: JSON.parse(put.bodyText!) as Record<string, unknown>,
    bodyText: put.bodyText!,
  };
}
