import { join } from "node:path";
import { isComputeflowError } from "../errors.js";
import { loadPlugin } from "./load-plugin.js";
import { installedPluginPackages } from "./installed-packages.js";

/** One installed plugin package as `computeflow plugins` lists it, including ones that fail to load. */
export interface InstalledPlugin {
  name: string;
  packageName: string;
  version?: string;
  actions: string[];
  /** The plugin names a target workflows cannot manage: why, and what to do instead. */
  unsupported?: { reason: string; hint?: string };
  /** Why the package could not be loaded as a plugin. */
  error?: string;
}

/** Plugins installed in node_modules of `fromDir` and the directories above it (nearest wins). */
export async function listPlugins(fromDir: string): Promise<InstalledPlugin[]> {
  const anchor = join(fromDir, "computeflow.yaml");
  return Promise.all(installedPluginPackages(fromDir).map((packageName) => describe(packageName, anchor)));
}

async function describe(packageName: string, anchor: string): Promise<InstalledPlugin> {
  try {
    const loaded = await loadPlugin(packageName, anchor);
    const plugin: InstalledPlugin = { name: loaded.name, packageName, actions: loaded.actions };
    if (loaded.version !== undefined) plugin.version = loaded.version;
    if (loaded.unsupportedTarget) plugin.unsupported = loaded.unsupportedTarget;
    return plugin;
  } catch (e) {
    return { name: packageName, packageName, actions: [], error: isComputeflowError(e) || e instanceof Error ? e.message : String(e) };
  }
}
