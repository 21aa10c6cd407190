import { join } from "node:path";
import { ErrorCodes, isComputeflowError, loadPlugin, type JsonSchema, type Problem } from "@computeflow/core";
import type { CliIO } from "./io.js";
import { renderProblems } from "./render-problems.js";

/** The `with` schema of one plugin action, or undefined after printing why there is none. */
export async function actionSchema(uses: string, action: string, io: CliIO, color = true): Promise<JsonSchema | undefined> {
  const fail = (problem: Problem) => (renderProblems([problem], io, { color }), undefined);
  try {
    const plugin = await loadPlugin(uses, join(io.cwd, "computeflow.yaml"));
    const spec = plugin.action(action);
    if (spec) return spec.schema as JsonSchema;
    return fail({
      code: ErrorCodes.UNSUPPORTED_ACTION,
      message: `plugin ${plugin.name} has no action "${action}"`,
      hint: `its actions: ${plugin.actions.join(", ")}`,
      severity: "error",
    });
  } catch (error) {
    if (!isComputeflowError(error)) throw error;
    return fail({ code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}), severity: "error" });
  }
}
