import type { ErrorObject } from "ajv/dist/2020.js";
import { ErrorCodes } from "../errors.js";
import { didYouMean } from "./did-you-mean.js";
import { joinPointer, pointerToPath } from "./json-pointer.js";

/** One schema violation, pointing at a value (or at a key, for unknown and badly named keys). */
export interface SchemaIssue {
  pointer: string;
  atKey: boolean;
  code: string;
  message: string;
  hint?: string;
  /** The " (got ...)" part of the message, so a caller can drop it for a secret. */
  got?: string;
}

/** Reprints ajv's errors: one readable issue per bad value, with the path to it. */
export function formatSchemaErrors(errors: readonly ErrorObject[], rootLabel = "the workflow"): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const seen = new Set<string>();
  for (const e of pruneBranches(errors)) {
    const issue = toIssue(e, rootLabel);
    if (!issue) continue;
    const key = `${issue.pointer}\0${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}

/** For oneOf/anyOf: keep the errors of the branch whose type fits the data, else one summary error. */
function pruneBranches(errors: readonly ErrorObject[]): ErrorObject[] {
  let kept = errors.filter((e) => e.keyword !== "if" && e.keyword !== "propertyNames");
  for (const union of errors.filter((e) => e.keyword === "oneOf" || e.keyword === "anyOf")) {
    const branches = (union.schema ?? []) as Record<string, unknown>[];
    const fitting = branches.findIndex((b) => typeFits(b["type"], union.data));
    const prefix = `${union.schemaPath}/`;
    kept = kept.filter((e) => {
      if (e === union) return fitting < 0;
      if (!e.schemaPath.startsWith(prefix)) return true;
      return fitting >= 0 && e.schemaPath.startsWith(`${prefix}${fitting}/`);
    });
  }
  return kept;
}

function typeFits(type: unknown, data: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => t !== undefined && typeOf(data, t === "integer") === t);
}

function typeOf(data: unknown, integerWanted = false): string {
  if (data === null) return "null";
  if (Array.isArray(data)) return "array";
  if (typeof data === "number" && integerWanted && Number.isInteger(data)) return "integer";
  return typeof data;
}

function toIssue(e: ErrorObject, rootLabel: string): SchemaIssue | undefined {
  const params = e.params as Record<string, unknown>;
  const where = e.instancePath;
  if (e.keyword === "additionalProperties") {
    const key = String(params["additionalProperty"]);
    const known = Object.keys(((e.parentSchema ?? {}) as { properties?: object }).properties ?? {});
    const hint = known.length > 0 ? `allowed keys${where ? ` in ${pointerToPath(where)}` : ""}: ${known.join(", ")}` : undefined;
    return withHint({ pointer: joinPointer(where, key), atKey: true, code: ErrorCodes.UNKNOWN_KEY, message: `unknown key \`${key}\`${didYouMean(key, known)}` }, hint);
  }
  if (e.keyword === "required") {
    const missing = String(params["missingProperty"]);
    return { pointer: where, atKey: true, code: ErrorCodes.SCHEMA, message: `${label(where, rootLabel)} is missing required key \`${missing}\`` };
  }
  if (e.propertyName !== undefined) {
    const key = e.propertyName;
    return { pointer: joinPointer(where, key), atKey: true, code: ErrorCodes.SCHEMA, message: `\`${key}\` is not a valid name here: it ${e.message ?? "is invalid"}` };
  }
  const subject = label(where, rootLabel);
  const got = ` (got ${preview(e.data)})`;
  const made = describe(e, where, subject, got, params);
  return made.message.includes(got) ? { ...made, got } : made;
}

function describe(e: ErrorObject, where: string, subject: string, got: string, params: Record<string, unknown>): SchemaIssue {
  switch (e.keyword) {
    case "type":
      return issue(where, `${subject} must be ${String(params["type"]).split(",").map(article).join(" or ")}${got}`);
    case "enum": {
      const allowed = (params["allowedValues"] as unknown[]).map((v) => JSON.stringify(v));
      const suggestion = typeof e.data === "string" ? didYouMean(e.data, (params["allowedValues"] as unknown[]).map(String)) : "";
      return issue(where, `${subject} must be one of ${allowed.join(", ")}${got}${suggestion}`);
    }
    case "const":
      return issue(where, `${subject} must be ${JSON.stringify(params["allowedValue"])}${got}`);
    case "oneOf":
    case "anyOf": {
      const types = ((e.schema ?? []) as Record<string, unknown>[]).flatMap((b) => [b["type"]].flat()).filter(Boolean);
      return issue(where, `${subject} must be ${[...new Set(types.map(String))].map(article).join(" or ")}${got}`);
    }
    default:
      return issue(where, `${subject} ${e.message ?? "is invalid"}${isScalar(e.data) ? got : ""}`);
  }
}

function issue(pointer: string, message: string): SchemaIssue {
  return { pointer, atKey: false, code: ErrorCodes.SCHEMA, message };
}

function withHint(issue: SchemaIssue, hint: string | undefined): SchemaIssue {
  return hint ? { ...issue, hint } : issue;
}

function label(pointer: string, root: string): string {
  return pointer === "" ? root : `\`${pointerToPath(pointer)}\``;
}

function article(type: string): string {
  return type === "integer" || type === "object" || type === "array" ? `an ${type}` : `a ${type}`;
}

function isScalar(data: unknown): boolean {
  return data === null || typeof data !== "object";
}

function preview(data: unknown): string {
  if (Array.isArray(data)) return "a list";
  if (data !== null && typeof data === "object") return "a mapping";
  const text = JSON.stringify(data) ?? String(data);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
