/** Maps whose keys are user data, not schema. */
const FREE_MAPS = new Set(["tags"]);

function kind(v: unknown): string {
  return Array.isArray(v) ? "array" : v === null ? "null" : typeof v;
}

/** Where `actual` lacks a key the example has, or has it with another JSON type. */
export function shapeMismatches(example: unknown, actual: unknown, path = "$"): string[] {
  if (example === null || example === undefined) return [];
  if (kind(example) !== kind(actual)) return [`${path}: expected ${kind(example)}, got ${kind(actual)}`];
  if (Array.isArray(example)) {
    const a = actual as unknown[];
    return example.length > 0 && a.length > 0 ? shapeMismatches(example[0], a[0], `${path}[0]`) : [];
  }
  if (kind(example) !== "object") return [];
  const out: string[] = [];
  const act = actual as Record<string, unknown>;
  for (const [key, value] of Object.entries(example as Record<string, unknown>)) {
    if (!(key in act)) {
      out.push(`${path}.${key}: missing`);
      continue;
    }
    if (FREE_MAPS.has(key)) continue;
    out.push(...shapeMismatches(value, act[key], `${path}.${key}`));
  }
  return out;
}
