export type JsonKind = "null" | "string" | "number" | "boolean" | "object" | "array";

export function jsonKind(v: unknown): JsonKind {
  return Array.isArray(v) ? "array" : v === null ? "null" : (typeof v as JsonKind);
}

/** Maps whose keys are user data, not schema: their own type is compared, not their keys. */
const FREE_MAPS = new Set(["tags", "propertyBag"]);

/**
 * Every key path of a JSON body with its JSON type ("properties.properties.vmPriority" ->
 * "null"). Array elements share the path "x[]" (the union of their keys).
 */
export function keyPaths(body: unknown, prefix = "", out = new Map<string, JsonKind>()): Map<string, JsonKind> {
  const kind = jsonKind(body);
  if (prefix) out.set(prefix, kind);
  if (kind === "array") for (const item of body as unknown[]) keyPaths(item, `${prefix}[]`, out);
  if (kind === "object" && !FREE_MAPS.has(prefix.split(".").pop() ?? "")) {
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) keyPaths(v, prefix ? `${prefix}.${k}` : k, out);
  }
  return out;
}

/** The value at a dotted path ("nodes.0.nodeState"). */
export function valueAt(body: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((v, k) => (v !== null && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), body);
}

/**
 * Where the emulator's body differs from the recorded one: a recorded key path missing,
 * or present with another JSON type (a recorded null must be null). Keys only the
 * emulator has are not counted: recordings keep the facts computeflow relies on.
 */
export function shapeDifferences(recorded: unknown, actual: unknown): string[] {
  const want = keyPaths(recorded);
  const got = keyPaths(actual);
  const out: string[] = [];
  for (const [path, kind] of want) {
    const have = got.get(path);
    if (have === undefined) {
      // a key under an array the emulator left empty is no difference of shape
      if (!path.includes("[]") || got.has(path.slice(0, path.indexOf("[]") + 2))) out.push(`${path}: missing (Azure: ${kind})`);
    } else if (have !== kind) out.push(`${path}: ${have} (Azure: ${kind})`);
  }
  return out;
}
