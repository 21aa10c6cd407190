import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { BUILT_IN_SCOPE, isPluginPackageName, THIRD_PARTY_PREFIX } from "./specifier.js";

/** Names of plugin packages in the node_modules of `fromDir` and every directory above it, sorted. */
export function installedPluginPackages(fromDir: string): string[] {
  const found = new Set<string>();
  for (let dir = fromDir; ; dir = dirname(dir)) {
    for (const name of pluginPackagesIn(join(dir, "node_modules"))) found.add(name);
    if (dirname(dir) === dir) break;
  }
  return [...found].sort();
}

/** What a user writes in `uses:` for a package: the short name where there is one. */
export function usesNameFor(packageName: string): string {
  if (packageName.startsWith(BUILT_IN_SCOPE)) return packageName.slice(BUILT_IN_SCOPE.length);
  if (packageName.startsWith(THIRD_PARTY_PREFIX)) return packageName.slice(THIRD_PARTY_PREFIX.length);
  return packageName;
}

function pluginPackagesIn(nodeModules: string): string[] {
  if (!existsSync(nodeModules)) return [];
  const names: string[] = [];
  for (const entry of safeReaddir(nodeModules)) {
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
