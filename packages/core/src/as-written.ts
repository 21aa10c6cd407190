import { isUnresolved } from "./plugin.js";

/**
 * `check` input with each run-time value as the `${{ }}` text it was written as: for shared
 * checks (run configurations) that only test presence and literal values, as plugin API 1
 * checks did. A new check should test `isUnresolved` instead.
 */
export function asWritten<T>(value: unknown): T {
  if (isUnresolved(value)) return value.expression as T;
  if (Array.isArray(value)) return value.map((item) => asWritten(item)) as T;
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asWritten(v)])) as T;
  return value as T;
}
