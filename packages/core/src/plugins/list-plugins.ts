import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { isComputeflowError } from "../errors.js";
import { loadPlugin } from "./load-plugin.js";
import { isPluginPackageName } from "./specifier.js";

export interface InstalledPlugin {
  name: string;
  packageName: string;
  version?: string;
  actions: string[];
  /** Why the package could not be loaded as a plugin. */
  error?: string;
}

/** Plugins installed in node_modules of `fromDir` and the directories above it (nearest wins). */
export async function listPlugins(fromDir: string): Promise<InstalledPlugin[]> {
  const found = new Set<string>();
  for (let dir = fromDir; ; dir = dirname(dir)) {
    for (const name of pluginPackagesIn(join(dir, "node_modules"))) found.add(name);
    if (dirname(dir) === dir) break;
  }
  const anchor = join(fromDir, "computeflow.yaml");
  const plugins = await Promise.all([...found].sort().map((packageName) => describe(packageName, anchor)));
  return plugins;
}

function pluginPackagesIn(nodeModules: string): string[] {
  if (!existsSync(nodeModules)) return [];
  const names: string[] = [];
  for (const entry of readdirSync(nodeModules)) {
    if (entry.startsWith("@")) {
      for (const inner of safeReaddir(join(nodeModules, entry))) names.push(`${entry}/${inner}`);
    } else names.push(entry);
  }
  return names.filter(isPluginPackageName);
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

async function describe(packageName: string, anchor: string): Promise<InstalledPlugin> {
  try {
    const loaded = await loadPlugin(packageName, anchor);
    const plugin: InstalledPlugin = { name: loaded.name, packageName, actions: loaded.actions };
    if (loaded.version !== undefined) plugin.version = loaded.version;
    return plugin;
  } catch (e) {
    return { name: packageName, packageName, actions: [], error: isComputeflowError(e) || e instanceof Error ? e.message : String(e) };
  }
}
