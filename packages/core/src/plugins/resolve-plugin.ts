import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ComputeflowError, ErrorCodes } from "../errors.js";
import { didYouMean } from "../workflow/did-you-mean.js";
import { installedPluginPackages, usesNameFor } from "./installed-packages.js";
import { findPackage, packageEntry, readManifest } from "./resolve-package.js";
import { parseUses } from "./specifier.js";

export interface ResolvedPluginModule {
  /** The file to import. */
  file: string;
  /** The npm package, or the path as written in `uses:` for a local plugin. */
  packageName: string;
  version?: string;
}

/**
 * The one way `uses:` becomes a file: a path is relative to the workflow; a package is looked
 * up from the workflow's directory, then from the working directory, then beside computeflow
 * itself (plugins installed together with the CLI, e.g. by npx).
 */
export function resolvePlugin(uses: string, workflowFile: string): ResolvedPluginModule {
  const spec = parseUses(uses);
  const workflowDir = dirname(resolve(workflowFile));
  if (spec.kind === "path") return resolveLocal(uses, resolve(workflowDir, spec.path));
  const roots = [...new Set([workflowDir, process.cwd(), dirname(fileURLToPath(import.meta.url))])];
  for (const packageName of spec.candidates) {
    for (const root of roots) {
      const found = findPackage(packageName, root);
      if (!found) continue;
      const file = packageEntry(found, spec.subpath);
      if (!file || !existsSync(file)) {
        throw new ComputeflowError({
          code: ErrorCodes.PLUGIN_LOAD,
          errorClass: "validation",
          message: `plugin package ${packageName} (${found.dir}) has no entry file for "${spec.subpath}"${file ? ` (${file} is missing; is it built?)` : ""}`,
          hint: "check the package's `exports`/`main`, or build it",
        });
      }
      return withVersion({ file, packageName }, found.manifest.version);
    }
  }
  const wanted = spec.candidates[0] ?? uses;
  const installed = new Set(roots.flatMap((root) => installedPluginPackages(root).map(usesNameFor)));
  throw new ComputeflowError({
    code: ErrorCodes.UNKNOWN_PLUGIN,
    errorClass: "validation",
    message: `unknown plugin "${uses}": package ${spec.candidates.join(" or ")} is not installed${didYouMean(uses, installed)}`,
    hint: `npm i -D ${wanted}`,
  });
}

function resolveLocal(uses: string, path: string): ResolvedPluginModule {
  if (!existsSync(path)) {
    throw new ComputeflowError({
      code: ErrorCodes.UNKNOWN_PLUGIN,
      errorClass: "validation",
      message: `unknown plugin "${uses}": ${path} does not exist`,
      hint: "a local plugin path is relative to the workflow file",
    });
  }
  if (!statSync(path).isDirectory()) return { file: path, packageName: uses };
  const found = { dir: path, manifest: existsSync(resolve(path, "package.json")) ? readManifest(path) : {} };
  const file = packageEntry(found) ?? resolve(path, "index.js");
  return withVersion({ file, packageName: uses }, found.manifest.version);
}

function withVersion(module: ResolvedPluginModule, version: string | undefined): ResolvedPluginModule {
  return version === undefined ? module : { ...module, version };
}
