import { ErrorCodes } from "../errors.js";
import type { JsonSchema } from "../plugin.js";
import { joinPointer, pointerToPath } from "./json-pointer.js";
import type { SchemaIssue } from "./schema-errors.js";

const INT32_MAX = 2_147_483_647;
const INT32_MIN = -2_147_483_648;

/**
 * Integers the schema lets through but Azure cannot take: ARM's integer fields are 32-bit
 * (`"format": "int32"` throughout the Machine Learning REST specs), and a larger YAML number
 * (`max_nodes: 1e20`) would be sent and refused, or silently truncated. A schema that sets its
 * own `maximum`/`minimum` decides for itself.
 */
export function int32Issues(schema: JsonSchema, data: unknown, pointer = ""): SchemaIssue[] {
  if (typeof schema !== "object" || schema === null || !mayBeUnbounded(schema)) return [];
  const s = schema as Record<string, unknown>;
  if (typeof data === "number") {
    const integer = s["type"] === "integer" || (Array.isArray(s["type"]) && s["type"].includes("integer"));
    if (!integer || !Number.isInteger(data)) return [];
    const tooBig = s["maximum"] === undefined && data > INT32_MAX;
    const tooSmall = s["minimum"] === undefined && data < INT32_MIN;
    if (!tooBig && !tooSmall) return [];
    const subject = pointer === "" ? "the value" : `\`${pointerToPath(pointer)}\``;
    return [{
      pointer,
      atKey: false,
      code: ErrorCodes.SCHEMA,
      message: `${subject} must be ${tooBig ? `<= ${INT32_MAX}` : `>= ${INT32_MIN}`} (got ${data}): Azure's field is a 32-bit integer`,
    }];
  }
  if (Array.isArray(data)) {
    const items = s["items"];
    return items && typeof items === "object" ? data.flatMap((item, i) => int32Issues(items as JsonSchema, item, joinPointer(pointer, i))) : [];
  }
  if (data !== null && typeof data === "object") {
    const properties = (s["properties"] ?? {}) as Record<string, JsonSchema>;
    const additional = s["additionalProperties"];
    // Keys by index: Object.entries and a destructured callback walk iterators in V8's interpreter, once per step.
    let issues: SchemaIssue[] = [];
    const keys = Object.keys(data);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const sub = Object.hasOwn(properties, key) ? properties[key] : typeof additional === "object" ? (additional as JsonSchema) : undefined;
      if (!sub) continue;
      const found = int32Issues(sub, (data as Record<string, unknown>)[key], joinPointer(pointer, key));
      if (found.length > 0) issues = issues.concat(found);
    }
    return issues;
  }
  return [];
}

// By schema object (a plugin's schemas are constants): whether any integer the walk above can
// reach lacks a bound of its own; the walk skips every part of a value whose schema has none.
// (Schemas are JSON, without cycles: the validator cache serialises them first.)
const unbounded = new WeakMap<object, boolean>();

function mayBeUnbounded(schema: object): boolean {
  const known = unbounded.get(schema);
  if (known !== undefined) return known;
  const s = schema as Record<string, unknown>;
  const integer = s["type"] === "integer" || (Array.isArray(s["type"]) && s["type"].includes("integer"));
  const sub = (v: unknown): boolean => typeof v === "object" && v !== null && mayBeUnbounded(v);
  const properties = s["properties"];
  const result =
    (integer && (s["maximum"] === undefined || s["minimum"] === undefined)) ||
    sub(s["items"]) ||
    sub(s["additionalProperties"]) ||
    (typeof properties === "object" && properties !== null && Object.values(properties).some(sub));
  unbounded.set(schema, result);
  return result;
}
