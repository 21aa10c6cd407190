import type { PlanEntry, StepContext, StepResult } from "@computeflow/core";
import { getCompute } from "@computeflow/compute-kit";
import type { TargetInput } from "./input.js";
import type { PowerAction } from "./sdk.js";
import { beginPower } from "./sdk.js";
import { instanceProps } from "./instance-props.js";
import { instanceOutputs, instanceReadiness } from "./readiness.js";

const WANT = { start: "Running", stop: "Stopped", restart: "Running" } as const;

export function powerTarget(ctx: StepContext<unknown>): string {
  const compute = (ctx.with as TargetInput).compute;
  return typeof compute === "string" ? compute : ctx.step.name;
}

/** start/stop are no-ops when the instance is already there; restart always restarts. */
export async function planPower(ctx: StepContext<unknown>, action: PowerAction): Promise<PlanEntry> {
  const name = powerTarget(ctx);
  const existing = await getCompute(ctx, name);
  if (!existing || existing.properties?.computeType !== "ComputeInstance") {
    return { change: "blocked", code: "E_NOT_FOUND", reason: `there is no compute instance ${name} in workspace ${ctx.workspace.name}`, hint: "provision it first (uses: instance, action: provision)" };
  }
  const state = instanceProps(existing).state;
  if (action !== "restart" && state === WANT[action]) return { change: "noop", summary: `instance ${name} is already ${state.toLowerCase()}` };
  return { change: action, summary: `${action} instance ${name} (now ${state ?? "unknown"})` };
}

export async function power(ctx: StepContext<unknown>, action: PowerAction): Promise<StepResult> {
  const name = powerTarget(ctx);
  const plan = ctx.plan ?? (await planPower(ctx, action));
  if (plan.change === "noop") {
    const existing = await getCompute(ctx, name);
    if (existing && instanceProps(existing).state === WANT[action]) return { outputs: instanceOutputs(existing), changed: false };
  }
  const requested = new Date();
  await beginPower(ctx, name, action);
  const verb = { start: "starting", stop: "stopping", restart: "restarting" }[action];
  return { operation: instanceReadiness(`${verb} compute instance ${name}`, name, WANT[action], action === "restart" ? requested : undefined, action !== "stop") };
}
