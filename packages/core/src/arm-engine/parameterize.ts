import { literalString, quote, type TemplateParameter } from "./template-types.js";

/** A value `with` read from `env`, `inputs` or `secrets`, as a template parameter. */
export interface ParameterRef {
  parameter: string;
  value: unknown;
  secret: boolean;
}

/** Where an expression marker (a step output not known before the deployment) becomes ARM text. */
export type MarkerResolver = (marker: string) => string;

const MARKER = /\u0000cf:([^\u0000]+)\u0000/g;
/** Substring matches only for values long enough not to be found by chance ("ml" is everywhere). */
const MIN_SUBSTRING = 8;

export function parameterName(context: string, name: string): string {
  return `${context}_${name}`.replace(/[^A-Za-z0-9_]/g, "_");
}

export function parameterFor(ref: ParameterRef, description: string): TemplateParameter {
  if (ref.secret) return { type: "securestring", metadata: { description } };
  const v = ref.value;
  const type = typeof v === "number" && Number.isInteger(v) ? "int" : typeof v === "boolean" ? "bool" : Array.isArray(v) ? "array" : v !== null && typeof v === "object" ? "object" : "string";
  return { type, defaultValue: type === "string" && typeof v !== "string" ? String(v) : v, metadata: { description } };
}

/**
 * Turns a request body the plugin built with real values into template text: leaves equal to
 * (or, for long values, containing) a referenced value become `parameters(...)`, markers of
 * step outputs become the resolver's expression, every other string stays a literal.
 */
export function parameterizeBody(body: unknown, refs: readonly ParameterRef[], resolve: MarkerResolver): unknown {
  const strings = refs.filter((r) => typeof r.value === "string" && r.value.length > 0) as (ParameterRef & { value: string })[];
  const numbers = refs.filter((r) => typeof r.value === "number");
  const numberLeaves = new Map<number, number>();
  countNumbers(body, numberLeaves);
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    if (typeof value === "number") {
      const candidates = numbers.filter((r) => r.value === value);
      return candidates.length === 1 && numberLeaves.get(value) === 1 ? `[parameters(${quote(candidates[0]!.parameter)})]` : value;
    }
    if (typeof value === "string") return stringExpression(value, strings, resolve);
    return value;
  };
  return walk(body);
}

function countNumbers(value: unknown, counts: Map<number, number>): void {
  if (typeof value === "number") counts.set(value, (counts.get(value) ?? 0) + 1);
  else if (value !== null && typeof value === "object") for (const v of Object.values(value)) countNumbers(v, counts);
}

type Piece = { text: string } | { expr: string };

function stringExpression(leaf: string, refs: readonly (ParameterRef & { value: string })[], resolve: MarkerResolver): string {
  const exact = refs.find((r) => r.value === leaf);
  if (exact) return `[parameters(${quote(exact.parameter)})]`;
  let pieces: Piece[] = splitMarkers(leaf, resolve);
  // Longest values first, so a value containing another is matched as a whole.
  for (const ref of [...refs].sort((a, b) => b.value.length - a.value.length)) {
    if (ref.value.length < MIN_SUBSTRING && !ref.secret) continue;
    pieces = pieces.flatMap((p) => ("text" in p ? splitOn(p.text, ref.value, `parameters(${quote(ref.parameter)})`) : [p]));
  }
  if (pieces.every((p) => "text" in p)) return literalString(leaf);
  const parts = pieces.filter((p) => !("text" in p) || p.text !== "").map((p) => ("text" in p ? quote(p.text) : p.expr));
  return parts.length === 1 ? `[${parts[0]}]` : `[concat(${parts.join(", ")})]`;
}

function splitMarkers(leaf: string, resolve: MarkerResolver): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  for (const m of leaf.matchAll(MARKER)) {
    pieces.push({ text: leaf.slice(last, m.index) }, { expr: resolve(m[1]!) });
    last = m.index! + m[0].length;
  }
  pieces.push({ text: leaf.slice(last) });
  return pieces;
}

function splitOn(text: string, value: string, expr: string): Piece[] {
  const parts = text.split(value);
  return parts.flatMap((part, i) => (i === 0 ? [{ text: part }] : [{ expr }, { text: part }]));
}

/** The marker a not-yet-known step output carries through a plugin's body construction. */
export function outputMarker(step: string, key: string): string {
  return `\u0000cf:${step}.${key}\u0000`;
}

export function hasMarker(text: string): boolean {
  return text.includes("\u0000cf:");
}
