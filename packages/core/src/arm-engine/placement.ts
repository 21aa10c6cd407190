import { ComputeflowError } from "../errors.js";
import type { EngineStep } from "../runtime/engine-types.js";

/** The error code of every step or template the ARM engine cannot take. */
export const E_ARM_UNSUPPORTED = "E_ARM_UNSUPPORTED";

/** Actions whose one write is a PUT of a workspace compute: these become template resources. */
export const ARM_ACTIONS: ReadonlySet<string> = new Set(["provision", "attach"]);

export interface Placement {
  /** In dependency order. */
  arm: EngineStep[];
  /** configure-run, start/stop/restart, detach, delete, local runs: the local engine runs them after the deployment. */
  local: EngineStep[];
}

/** The refusal of `step` (at its place in the file), or of the whole template. */
export function unsupported(step: Pick<EngineStep, "id" | "location"> | undefined, message: string, hint?: string): ComputeflowError {
  return new ComputeflowError({
    code: E_ARM_UNSUPPORTED,
    errorClass: "validation",
    message: step ? `step ${step.id}: ${message}` : message,
    hint: hint ?? "run this workflow with the local engine (`run` without `--engine arm`)",
    ...(step?.location ? { location: step.location } : {}),
  });
}

/**
 * Splits the steps between the deployment and the local engine. A step that must run in ARM
 * but cannot (its action has no `body()`, it reads a local file, or it waits for a local step)
 * is refused, naming it.
 */
export function placeSteps(order: readonly EngineStep[]): Placement {
  const arm: EngineStep[] = [];
  const local: EngineStep[] = [];
  const isLocal = new Set<string>();
  for (const step of order) {
    if (!ARM_ACTIONS.has(step.action)) {
      local.push(step);
      isLocal.add(step.id);
      continue;
    }
    if (step.plugin.hasBody?.(step.action) !== true) {
      throw unsupported(step, `plugin "${step.uses}" declares no body() for action "${step.action}", and a deployment's resources are built from body()`, "run with the local engine, or ask the plugin's author for body() (docs/plugins.md)");
    }
    const waitsFor = step.needs.filter((id) => isLocal.has(id));
    if (waitsFor.length > 0) throw unsupported(step, `it needs ${waitsFor.join(", ")}, which only the local engine can run, and a deployment cannot wait for a local step`);
    const files = (specOf(step)?.pathFields ?? []).filter((field) => staticWith(step)?.[field] !== undefined);
    if (files.length > 0) throw unsupported(step, `\`${files.join("`, `")}\` names a local file; its content would have to be written into the template`, "use a secret instead of the file, or run with the local engine");
    arm.push(step);
  }
  return { arm, local };
}

/** The action's declaration, when the step came from the loader (a ResolvedStep carries it). */
export function specOf(step: EngineStep): { pathFields?: readonly string[]; outputs?: Readonly<Record<string, string>> } | undefined {
  return (step as { spec?: { pathFields?: readonly string[]; outputs?: Readonly<Record<string, string>> } }).spec;
}

function staticWith(step: EngineStep): Record<string, unknown> | undefined {
  try {
    return step.resolveWith({}).value;
  } catch {
    return undefined;
  }
}
