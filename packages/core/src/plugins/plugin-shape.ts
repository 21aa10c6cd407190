import { ComputeflowError, ErrorCodes } from "../errors.js";
import { PLUGIN_API_VERSION } from "../plugin.js";
import type { Plugin } from "../plugin.js";
import { hookNameFor } from "../plugin-v1.js";
import type { PluginV1 } from "../plugin-v1.js";
import { adaptV1 } from "./v1-adapter.js";

/** The plugin APIs this core loads: 2, and 1 through the adapter (docs/plugins.md). */
const SUPPORTED_APIS: readonly unknown[] = [1, PLUGIN_API_VERSION];

/** Picks the plugin out of an imported module and checks it honours the contract. */
export function pluginFromModule(module: Record<string, unknown>, label: string): Plugin {
  const candidate = (module["default"] ?? module["plugin"]) as Record<string, unknown> | undefined;
  if (!candidate || typeof candidate !== "object") {
    throw loadError(`${label} does not export a plugin`, "export the plugin as the module's default export (or as `plugin`)");
  }
  if (!SUPPORTED_APIS.includes(candidate["apiVersion"])) {
    throw new ComputeflowError({
      code: ErrorCodes.PLUGIN_API,
      errorClass: "validation",
      message: `${label} implements plugin API ${JSON.stringify(candidate["apiVersion"])}; this computeflow implements plugin API ${PLUGIN_API_VERSION} (and still loads API 1)`,
      hint: "install a version of the plugin made for this computeflow (or upgrade computeflow)",
    });
  }
  const v1 = candidate["apiVersion"] === 1;
  const problems = shapeProblems(candidate, v1);
  if (problems.length > 0) throw loadError(`${label} is not a valid plugin: ${problems.join("; ")}`, "see the Plugin type in @computeflow/core");
  return v1 ? adaptV1(candidate as unknown as PluginV1) : (candidate as unknown as Plugin);
}

function shapeProblems(candidate: Record<string, unknown>, v1: boolean): string[] {
  const problems: string[] = [];
  if (typeof candidate["name"] !== "string" || candidate["name"] === "") problems.push("`name` must be a non-empty string");
  const unsupported = candidate["unsupported"] as Record<string, unknown> | undefined;
  if (unsupported !== undefined && (typeof unsupported !== "object" || typeof unsupported?.["reason"] !== "string" || unsupported["reason"] === "")) {
    problems.push("`unsupported` must have a non-empty `reason`");
  }
  const actions = candidate["actions"];
  // A target declared unsupported exists to explain why; it needs no actions.
  const needsActions = unsupported === undefined;
  if (!actions || typeof actions !== "object" || (needsActions && Object.keys(actions).length === 0)) {
    problems.push("`actions` must declare at least one action");
    return problems;
  }
  for (const [action, spec] of Object.entries(actions as Record<string, unknown>)) {
    const s = (spec ?? {}) as Record<string, unknown>;
    if (!s["schema"] || typeof s["schema"] !== "object") problems.push(`action "${action}" has no \`schema\` object`);
    if (!s["outputs"] || typeof s["outputs"] !== "object") problems.push(`action "${action}" has no \`outputs\` object`);
    if (v1) {
      const hook = hookNameFor(action);
      if (typeof candidate[hook] !== "function") problems.push(`action "${action}" has no \`${hook}\` hook`);
      continue;
    }
    if (typeof s["apply"] !== "function") problems.push(`action "${action}" has no \`apply\` hook`);
    for (const hook of ["check", "attachedResource", "plan", "body"]) {
      if (s[hook] !== undefined && typeof s[hook] !== "function") problems.push(`action "${action}": \`${hook}\` must be a function`);
    }
    const destroy = s["destroy"] as Record<string, unknown> | undefined;
    if (destroy !== undefined && (typeof destroy !== "object" || typeof destroy?.["apply"] !== "function" || typeof destroy["label"] !== "string")) {
      problems.push(`action "${action}": \`destroy\` needs a \`label\` and an \`apply\` hook`);
    }
  }
  return problems;
}

function loadError(message: string, hint: string): ComputeflowError {
  return new ComputeflowError({ code: ErrorCodes.PLUGIN_LOAD, errorClass: "validation", message, hint });
}
