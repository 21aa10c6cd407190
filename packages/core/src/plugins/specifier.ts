import { isAbsolute } from "node:path";

export const SHORT_NAME = /^[a-z][a-z0-9-]*$/;
export const BUILT_IN_SCOPE = "@computeflow/plugin-";
export const THIRD_PARTY_PREFIX = "computeflow-plugin-";

/**
 * What `uses:` names: a local file or directory, or an npm package. A short name stands for
 * `@computeflow/plugin-NAME`, then for `computeflow-plugin-NAME` (a third-party convention).
 */
export type PluginSpecifier = { kind: "path"; path: string } | { kind: "package"; candidates: string[]; subpath: string };

export function parseUses(uses: string): PluginSpecifier {
  if (uses.startsWith("./") || uses.startsWith("../") || uses.startsWith(".\\") || uses.startsWith("..\\") || isAbsolute(uses)) {
    return { kind: "path", path: uses };
  }
  if (SHORT_NAME.test(uses) && !uses.startsWith(THIRD_PARTY_PREFIX)) {
    return { kind: "package", candidates: [BUILT_IN_SCOPE + uses, THIRD_PARTY_PREFIX + uses], subpath: "." };
  }
  const segments = uses.split("/");
  const nameLength = uses.startsWith("@") ? 2 : 1;
  const packageName = segments.slice(0, nameLength).join("/");
  const rest = segments.slice(nameLength).join("/");
  return { kind: "package", candidates: [packageName], subpath: rest ? `./${rest}` : "." };
}

/** Packages `computeflow plugins` recognises as plugins. */
export function isPluginPackageName(name: string): boolean {
  const bare = name.startsWith("@") ? (name.split("/")[1] ?? "") : name;
  return name.startsWith(BUILT_IN_SCOPE) || bare.startsWith(THIRD_PARTY_PREFIX);
}
