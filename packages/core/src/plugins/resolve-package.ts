import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

export interface PackageJson {
  name?: string;
  version?: string;
  main?: string;
  exports?: unknown;
}

export interface FoundPackage {
  dir: string;
  manifest: PackageJson;
}

// When core itself runs from its TypeScript sources (under vitest), workspace plugins do too.
const fromSource = import.meta.url.endsWith(".ts");
const CONDITIONS = new Set(["node", "import", "default", ...(fromSource ? ["computeflow-source"] : [])]);

/** Finds `name` in the node_modules of `fromDir` or any directory above it. */
export function findPackage(name: string, fromDir: string): FoundPackage | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return { dir: candidate, manifest: readManifest(candidate) };
    if (dirname(dir) === dir) return undefined;
  }
}

export function readManifest(dir: string): PackageJson {
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as PackageJson;
}

/** The file a package subpath ("." or "./x") resolves to, following `exports` like Node's ESM resolver. */
export function packageEntry(found: FoundPackage, subpath = "."): string | undefined {
  const { exports, main } = found.manifest;
  if (exports !== undefined && exports !== null) {
    const target = resolveSubpath(exports, subpath);
    return target === undefined ? undefined : join(found.dir, target);
  }
  if (subpath !== ".") return join(found.dir, subpath);
  return join(found.dir, main ?? "index.js");
}

function resolveSubpath(exports: unknown, subpath: string): string | undefined {
  const isSubpathMap = typeof exports === "object" && !Array.isArray(exports) && Object.keys(exports as object).some((k) => k.startsWith("."));
  if (!isSubpathMap) return subpath === "." ? resolveTarget(exports) : undefined;
  const map = exports as Record<string, unknown>;
  if (subpath in map) return resolveTarget(map[subpath]);
  for (const [key, value] of Object.entries(map)) {
    const star = key.indexOf("*");
    if (star < 0) continue;
    const [before, after] = [key.slice(0, star), key.slice(star + 1)];
    if (subpath.startsWith(before) && subpath.endsWith(after) && subpath.length >= key.length - 1) {
      const target = resolveTarget(value);
      return target?.replace("*", subpath.slice(before.length, subpath.length - after.length));
    }
  }
  return undefined;
}

function resolveTarget(target: unknown): string | undefined {
  if (typeof target === "string") return target;
  if (Array.isArray(target)) return target.map(resolveTarget).find((t) => t !== undefined);
  if (target && typeof target === "object") {
    for (const [condition, value] of Object.entries(target)) {
      if (!CONDITIONS.has(condition)) continue;
      const resolved = resolveTarget(value);
      if (resolved !== undefined) return resolved;
    }
  }
  return undefined;
}
