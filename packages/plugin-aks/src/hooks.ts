import { type ArmRequest, type BodyContext, type PlanEntry, type StepContext, type StepResult } from "@computeflow/core";
import { computeOutputs, viewOf } from "./compute-view.js";
import type { AttachInput, ProvisionInput } from "./input.js";
import { removeThenPut, untilGone, untilReady } from "./operations.js";
import { attachRequest, provisionRequest, type AksComputeBody } from "./body.js";
import { plan } from "./plan.js";
import { getCompute, putCompute, removeCompute, workspaceLocation } from "./sdk.js";
import type { SslConfiguration } from "./ssl.js";

type Ctx<T> = StepContext<T>;

/** Core refuses blocked and replace-required plans before a hook runs: any other label is a bug. */
function unexpected(entry: PlanEntry): never {
  throw new Error(`cannot apply a '${entry.change}' plan`);
}

async function unchanged(ctx: Ctx<unknown>): Promise<StepResult> {
  return { changed: false, outputs: computeOutputs(ctx.step.name, viewOf(await getCompute(ctx))) };
}

/**
 * The PUT body from the action's body(), built when a PUT is sent: core reads the PEM files
 * then (ctx.bodyContext), and their text is marked secret before anything is sent.
 */
async function bodyOf(ctx: Ctx<unknown>, request: (ctx: BodyContext) => ArmRequest): Promise<AksComputeBody> {
  const { body } = request(ctx.bodyContext(await workspaceLocation(ctx)));
  const ssl = (body as AksComputeBody).properties.properties?.sslConfiguration as SslConfiguration | undefined;
  if (ssl?.status === "Enabled") for (const value of [ssl.cert, ssl.key]) if (value) ctx.secret(value);
  return body as AksComputeBody;
}

async function apply(ctx: Ctx<unknown>, entry: PlanEntry, body: () => Promise<AksComputeBody>, removeFirst: "Delete" | "Detach"): Promise<StepResult> {
  const name = ctx.step.name;
  switch (entry.change) {
    case "noop":
      return unchanged(ctx);
    case "in-progress":
      return { operation: untilReady(name, `waiting for AKS compute ${name}`) };
    case "create":
    case "update":
    case "attach":
      await putCompute(ctx, await body());
      return { operation: untilReady(name, `${entry.change === "attach" ? "attaching" : entry.change === "create" ? "creating" : "updating"} AKS compute ${name}`) };
    case "reattach": {
      const next = await body();
      await removeCompute(ctx, "Detach");
      return { operation: removeThenPut(ctx, next, `re-attaching AKS compute ${name} (detach, then attach)`) };
    }
    case "replace-required": {
      const next = await body();
      await removeCompute(ctx, removeFirst);
      return { operation: removeThenPut(ctx, next, `replacing AKS compute ${name}`) };
    }
    default:
      return unexpected(entry);
  }
}

export async function provision(ctx: Ctx<ProvisionInput>): Promise<StepResult> {
  const entry = ctx.plan ?? (await plan(ctx as Ctx<never>));
  return apply(ctx, entry, () => bodyOf(ctx, (b) => provisionRequest(ctx.with, b)), "Delete");
}

export async function attach(ctx: Ctx<AttachInput>): Promise<StepResult> {
  const entry = ctx.plan ?? (await plan(ctx as Ctx<never>));
  return apply(ctx, entry, () => bodyOf(ctx, (b) => attachRequest(ctx.with, b)), "Detach");
}

async function remove(ctx: Ctx<unknown>, action: "Delete" | "Detach"): Promise<StepResult> {
  const entry = ctx.plan ?? (await plan(ctx as Ctx<never>));
  if (entry.change === "noop") return { changed: false, outputs: { name: ctx.step.name } };
  if (entry.change !== "detach" && entry.change !== "delete") unexpected(entry);
  await removeCompute(ctx, action);
  return { operation: untilGone(ctx.step.name, `${action === "Detach" ? "detaching" : "deleting"} AKS compute ${ctx.step.name}`) };
}

export const detach = (ctx: Ctx<unknown>) => remove(ctx, "Detach");
export const deleteCompute = (ctx: Ctx<unknown>) => remove(ctx, "Delete");
