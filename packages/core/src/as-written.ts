import { isUnresolved } from "./plugin.js";

/**
 * `check` input with each run-time value as the `${{ }}` text it was written as: for shared
 * checks (run configurations) that only test presence and literal values, as plugin API 1
 * checks did. A new check should test `isUnresolved` instead.
 */
export function asWritten<T>(value: unknown): T {
  if (isUnresolved(value)) return value.expression as T;
  if (Array.isArray(value)) return value.map((item) => asWritten(item)) as T;
  if (value !== null && typeof value === "object") {
    // Key by key (as Object.fromEntries does: `__proto__` stays an own field), without an entry array per key.
    const out: Record<string, unknown> = {};
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const copied = asWritten((value as Record<string, unknown>)[key]);
      if (key === "__proto__") Object.defineProperty(out, key, { value: copied, enumerable: true, writable: true, configurable: true });
      else out[key] = copied;
    }
    return out as T;
  }
  return value as T;
}
