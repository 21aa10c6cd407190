import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ComputeflowError, ErrorCodes } from "../errors.js";
import { didYouMean } from "../workflow/did-you-mean.js";
import { isInsideRoot } from "../workflow/project-root.js";
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
export function resolvePlugin(uses: string, workflowFile: string, projectRoot?: string): ResolvedPluginModule {
  const spec = parseUses(uses);
  const workflowDir = dirname(resolve(workflowFile));
  if (spec.kind === "path") {
    const path = resolve(workflowDir, spec.path);
    if (projectRoot !== undefined && !isInsideRoot(projectRoot, path)) {
      throw new ComputeflowError({
        code: ErrorCodes.PATH_OUTSIDE_PROJECT,
        errorClass: "validation",
        message: `local plugin "${uses}" is outside the project (${projectRoot}); it was not loaded`,
        hint: "a workflow runs only plugin code from its own project or from installed packages: move the plugin into the project, or publish it as a package",
      });
    }
    return resolveLocal(uses, path);
  }
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
  const notAPackage = pathLike(uses, workflowDir);
  if (notAPackage) throw notAPackage;
  const installed = new Set(roots.flatMap((root) => installedPluginPackages(root).map(usesNameFor)));
  throw new ComputeflowError({
    code: ErrorCodes.UNKNOWN_PLUGIN,
    errorClass: "validation",
    message: `unknown plugin "${uses}": package ${spec.candidates.join(" or ")} is not installed${didYouMean(uses, installed)}`,
    hint: `npm i -D ${wanted}`,
  });
}

const PACKAGE_NAME = /^(@[a-z0-9~-][a-z0-9._~-]*\/)?[a-z0-9~-][a-z0-9._~-]*$/;

/**
 * A `uses:` that is meant as a file (it exists beside the workflow, or is no npm package name
 * at all) is named as what it is, with the fix, never with an `npm i -D` hint.
 */
function pathLike(uses: string, workflowDir: string): ComputeflowError | undefined {
  const asPath = resolve(workflowDir, uses);
  const packageName = uses.startsWith("@") ? uses.split("/").slice(0, 2).join("/") : (uses.split("/")[0] ?? "");
  const exists = existsSync(asPath);
  if (!exists && PACKAGE_NAME.test(packageName) && !/\.(m|c)?[jt]s$/.test(uses)) return undefined;
  const relative = `./${uses.replace(/\\/g, "/")}`;
  return new ComputeflowError({
    code: ErrorCodes.UNKNOWN_PLUGIN,
    errorClass: "validation",
    message: exists
      ? `unknown plugin "${uses}": a local plugin path starts with ./ or ../ (${asPath} exists, but without ./ this names an npm package)`
      : `unknown plugin "${uses}": this looks like a file path, and no file ${asPath} exists`,
    hint: exists ? `write \`uses: ${relative}\`` : "a local plugin path starts with ./ or ../ and is relative to the workflow file",
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
