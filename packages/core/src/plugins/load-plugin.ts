import { pathToFileURL } from "node:url";
import { ComputeflowError, ErrorCodes, isComputeflowError } from "../errors.js";
import { LoadedPlugin } from "./loaded-plugin.js";
import { pluginFromModule } from "./plugin-shape.js";
import { resolvePlugin } from "./resolve-plugin.js";
import { pluginTimeLimits, withinTimeLimit } from "./time-limits.js";

const byFile = new Map<string, Promise<LoadedPlugin>>();

/**
 * Resolves `uses:` (relative to the workflow file `fromFile`), imports the module once per
 * process and wraps the plugin. With `projectRoot`, a local plugin path must lie inside it
 * (E_PATH_OUTSIDE_PROJECT, nothing imported). Throws ComputeflowError (E_UNKNOWN_PLUGIN,
 * E_PLUGIN_LOAD, E_PLUGIN_API, E_PLUGIN for an import over its time limit).
 */
export function loadPlugin(uses: string, fromFile: string, projectRoot?: string): Promise<LoadedPlugin> {
  let resolved;
  try {
    resolved = resolvePlugin(uses, fromFile, projectRoot);
  } catch (e) {
    return Promise.reject(e);
  }
  const { file, packageName, version } = resolved;
  let loading = byFile.get(file);
  if (!loading) {
    loading = importPlugin(file, packageName, version);
    byFile.set(file, loading);
  }
  return loading;
}

async function importPlugin(file: string, packageName: string, version: string | undefined): Promise<LoadedPlugin> {
  let module: Record<string, unknown>;
  try {
    const imported = import(pathToFileURL(file).href) as Promise<Record<string, unknown>>;
    module = await withinTimeLimit(imported, pluginTimeLimits().importMs, `plugin ${packageName}`, "import");
  } catch (e) {
    if (isComputeflowError(e)) throw e;
    throw new ComputeflowError({
      code: ErrorCodes.PLUGIN_LOAD,
      errorClass: "validation",
      message: `plugin ${packageName} failed to load: ${e instanceof Error ? e.message : String(e)}`,
      hint: "run `computeflow plugins` to see what is installed",
      cause: e,
    });
  }
  const plugin = pluginFromModule(module, `plugin ${packageName}`);
  return new LoadedPlugin(plugin, packageName, version, file);
}
