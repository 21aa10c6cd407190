/**
 * A deep copy of parsed workflow data (plain objects, arrays, primitives; no cycles, dates or
 * maps, which YAML-as-JSON never holds). Several times faster than `structuredClone` on the
 * small values of one step, and a validate of 1,000 steps makes thousands of them.
 */
export function copyData<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(copyData) as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const copied = copyData((value as Record<string, unknown>)[key]);
    if (key === "__proto__") Object.defineProperty(out, key, { value: copied, enumerable: true, writable: true, configurable: true });
    else out[key] = copied;
  }
  return out as T;
}
