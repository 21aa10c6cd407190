import { existsSync, realpathSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";

/**
 * The project a workflow belongs to: the nearest directory at or above the workflow's own
 * that holds a `package.json` or `.git`, or else the workflow's directory. Everything a
 * workflow file makes computeflow write, and every local plugin it names, stays inside it.
 */
export function findProjectRoot(workflowFile: string): string {
  const start = dirname(resolve(workflowFile));
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json")) || existsSync(join(dir, ".git"))) return realOrSelf(dir);
    if (dirname(dir) === dir) return realOrSelf(start);
  }
}

/**
 * True when `path` is `root` or below it once symbolic links are followed (a link inside the
 * project that points outside it is outside). `path` need not exist yet: its nearest
 * existing ancestor is resolved.
 */
export function isInsideRoot(root: string, path: string): boolean {
  const real = realPathOfNearest(resolve(path));
  const rel = relative(realOrSelf(root), real);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

function realPathOfNearest(path: string): string {
  const rest: string[] = [];
  let current = path;
  while (!existsSync(current)) {
    const parent = dirname(current);
    if (parent === current) break;
    rest.unshift(current.slice(parent.length).replace(/^[\\/]/, ""));
    current = parent;
  }
  return join(realOrSelf(current), ...rest);
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
