/** Every file an `exports` map can resolve to, under any condition, with the subpath and condition path. */
export function exportTargets(exports: unknown, where = "exports"): { where: string; target: string }[] {
  if (typeof exports === "string") return [{ where, target: exports }];
  if (Array.isArray(exports)) return exports.flatMap((e, i) => exportTargets(e, `${where}[${i}]`));
  if (exports && typeof exports === "object") {
    return Object.entries(exports).flatMap(([key, value]) => exportTargets(value, `${where}["${key}"]`));
  }
  return [];
}

/** `./dist/index.js` -> `dist/index.js`, as npm pack lists paths. */
export function packPath(target: string): string {
  return target.replace(/^\.\//, "");
}
