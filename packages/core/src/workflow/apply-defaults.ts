import type { JsonSchema } from "../plugin.js";
import { copyData } from "./copy-data.js";

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** One entry of a schema's `properties`, read once per schema object. */
interface PropertyPlan {
  key: string;
  property: Record<string, unknown>;
  /** The `default`, or undefined. */
  fallback: unknown;
  /** The default is an object or array: every value gets its own copy. */
  copyFallback: boolean;
  /** A present value may have defaults of its own inside (nested `properties` or `items`). */
  nested: boolean;
}

interface SchemaPlan {
  properties: PropertyPlan[];
  /** The entries with a default. */
  withDefault: PropertyPlan[];
  /** By which defaulted keys are absent ("1" absent, "0" present, in `withDefault` order): the fields to add, in schema order. */
  fills: Map<string, Record<string, unknown>>;
}

// Plans by schema object: a plugin's schemas are constants (as for the compiled validators),
// and adding keys one by one to every step's `with` was the most expensive part of validate.
const plans = new WeakMap<object, SchemaPlan>();

function planFor(properties: Record<string, unknown>): SchemaPlan {
  let plan = plans.get(properties);
  if (plan) return plan;
  const entries: PropertyPlan[] = [];
  for (const key of Object.keys(properties)) {
    const property = properties[key];
    if (!isRecord(property)) continue;
    const fallback = property["default"];
    entries.push({ key, property, fallback, copyFallback: fallback !== null && typeof fallback === "object", nested: isRecord(property["properties"]) || isRecord(property["items"]) });
  }
  plan = { properties: entries, withDefault: entries.filter((e) => e.fallback !== undefined), fills: new Map() };
  plans.set(properties, plan);
  return plan;
}

/** What `value[key]` reads on a plain object: its own property, else Object.prototype's. */
function read(value: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(value, key) ? value[key] : (Object.prototype as Record<string, unknown>)[key];
}

function absentDefaults(plan: SchemaPlan, value: Record<string, unknown>): string {
  let absent = "";
  for (const entry of plan.withDefault) absent += read(value, entry.key) === undefined ? "1" : "0";
  return absent;
}

function fillFor(plan: SchemaPlan, absent: string): Record<string, unknown> {
  let fill = plan.fills.get(absent);
  if (fill) return fill;
  fill = {};
  plan.withDefault.forEach((entry, i) => {
    if (absent[i] === "1") Object.defineProperty(fill, entry.key, { value: entry.fallback, enumerable: true, writable: true, configurable: true });
  });
  plan.fills.set(absent, fill);
  return fill;
}

/**
 * `value` with the schema's `default`s filled in where a property is absent: in `properties`,
 * nested objects and array `items` (not inside `oneOf`/`anyOf` branches, which name no single
 * default). Never changes `value`; a present property keeps its value, even an unresolved one.
 * Added fields follow `value`'s own, in the schema's order.
 */
export function applyDefaults<T>(schema: JsonSchema, value: T): T {
  if (Array.isArray(value)) {
    const items = schema["items"];
    return (isRecord(items) ? value.map((item) => applyDefaults(items, item)) : value) as T;
  }
  const properties = schema["properties"];
  if (!isRecord(value) || !isRecord(properties)) return value;
  const plan = planFor(properties);
  const absent = plan.withDefault.length === 0 ? "" : absentDefaults(plan, value);
  const out: Record<string, unknown> = absent.includes("1") ? { ...value, ...fillFor(plan, absent) } : { ...value };
  plan.withDefault.forEach((entry, i) => {
    if (absent[i] === "1" && entry.copyFallback) out[entry.key] = copyData(entry.fallback);
  });
  for (const entry of plan.properties) {
    if (!entry.nested) continue;
    const present = read(value, entry.key);
    if (present !== undefined) out[entry.key] = applyDefaults(entry.property, present);
  }
  return out as T;
}

/** The top-level fields `applyDefaults` would fill in for `value`. */
export function defaultedFields(schema: JsonSchema, value: Record<string, unknown>): Set<string> {
  const properties = schema["properties"];
  if (!isRecord(properties)) return new Set();
  const plan = planFor(properties);
  const absent = absentDefaults(plan, value);
  return new Set(plan.withDefault.filter((_, i) => absent[i] === "1").map((e) => e.key));
}
