import type { JsonSchema } from "../plugin.js";
import { copyData } from "./copy-data.js";

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * `value` with the schema's `default`s filled in where a property is absent: in `properties`,
 * nested objects and array `items` (not inside `oneOf`/`anyOf` branches, which name no single
 * default). Never changes `value`; a present property keeps its value, even an unresolved one.
 */
export function applyDefaults<T>(schema: JsonSchema, value: T): T {
  if (Array.isArray(value)) {
    const items = schema["items"];
    return (isRecord(items) ? value.map((item) => applyDefaults(items, item)) : value) as T;
  }
  const properties = schema["properties"];
  if (!isRecord(value) || !isRecord(properties)) return value;
  const out: Record<string, unknown> = { ...value };
  for (const [key, property] of Object.entries(properties)) {
    if (!isRecord(property)) continue;
    if (out[key] === undefined && property["default"] !== undefined) out[key] = copyData(property["default"]);
    else if (out[key] !== undefined) out[key] = applyDefaults(property, out[key]);
  }
  return out as T;
}

/** The top-level fields `applyDefaults` would fill in for `value`. */
export function defaultedFields(schema: JsonSchema, value: Record<string, unknown>): Set<string> {
  const properties = schema["properties"];
  if (!isRecord(properties)) return new Set();
  return new Set(Object.entries(properties).filter(([key, p]) => value[key] === undefined && isRecord(p) && p["default"] !== undefined).map(([key]) => key));
}
