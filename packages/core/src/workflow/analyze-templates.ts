import type { Problem } from "../errors.js";
import { ErrorCodes } from "../errors.js";
import { ExpressionError } from "./expressions/ast.js";
import type { Template } from "./expressions/ast.js";
import { render } from "./expressions/evaluate.js";
import { templateReferences } from "./expressions/references.js";
import { parseExpression } from "./expressions/parse.js";
import { hasExpression, parseTemplate } from "./expressions/template.js";
import { checkRef, staticLookup, UNRESOLVED } from "./expression-scope.js";
import type { Place, ScopeSources } from "./expression-scope.js";
import { escapeSegment } from "./json-pointer.js";
import type { PositionMap } from "./position-map.js";
import { error, hasErrors, warning } from "./problems.js";

/** The expressions in a value tree, checked, with what is known of the value now. */
export interface AnalyzedValue {
  /** The value with static expressions (env, inputs) evaluated; others stay as written. */
  view: unknown;
  /** Pointers (relative to the value) of strings known only at run time. */
  dynamic: string[];
  /** Parsed templates by relative pointer. */
  templates: Map<string, Template>;
  /** Relative pointers of strings that read a secret. */
  secretReaders: Set<string>;
  /** Steps referenced. */
  dependencies: Set<string>;
  problems: Problem[];
}

export interface AnalyzeContext {
  place: Place;
  selfId: string | undefined;
  sources: ScopeSources;
  positions: PositionMap;
  /** Pointer of the value in the file. */
  base: string;
}

export function analyzeTemplates(value: unknown, ctx: AnalyzeContext): AnalyzedValue {
  const result = emptyAnalysis();
  result.view = visit(value, "", ctx, result);
  return result;
}

// Runs for every value of every step: keys by index, one concatenation per pointer.
function visit(value: unknown, pointer: string, ctx: AnalyzeContext, result: AnalyzedValue): unknown {
  if (Array.isArray(value)) return value.map((item, i) => visit(item, `${pointer}/${i}`, ctx, result));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      out[key] = visit((value as Record<string, unknown>)[key], `${pointer}/${escapeSegment(key)}`, ctx, result);
    }
    return out;
  }
  if (typeof value !== "string" || !hasExpression(value)) return value;
  return analyzeString(value, pointer, ctx, result);
}

function analyzeString(text: string, pointer: string, ctx: AnalyzeContext, result: AnalyzedValue): unknown {
  let template: Template;
  try {
    template = parseTemplate(text);
  } catch (e) {
    result.problems.push(parseProblem(e, ctx, pointer));
    return text;
  }
  result.templates.set(pointer, template);
  const { runtimeOnly, broken } = checkTemplate(template, pointer, ctx, result);
  if (runtimeOnly || broken) {
    result.dynamic.push(pointer);
    return text;
  }
  const value = render(template, staticLookup(ctx.sources));
  return value === UNRESOLVED ? text : value;
}

function checkTemplate(template: Template, pointer: string, ctx: AnalyzeContext, result: AnalyzedValue): { runtimeOnly: boolean; broken: boolean } {
  let runtimeOnly = false;
  let broken = false;
  const refs = templateReferences(template);
  for (let i = 0; i < refs.length; i++) {
    const ref = refs[i]!;
    const check = checkRef(ref, ctx.place, ctx.selfId, ctx.sources);
    if (check.dependency) result.dependencies.add(check.dependency);
    if (check.kind === "secret") result.secretReaders.add(pointer);
    if (check.kind !== "static" || check.unknown) runtimeOnly = true;
    if (check.problem) {
      const make = check.problem.severity === "warning" ? warning : error;
      if (make === error) broken = true;
      result.problems.push(make(check.problem.code, check.problem.message, ctx.positions.value(ctx.base + pointer, ref.start), check.problem.hint));
    }
  }
  return { runtimeOnly, broken };
}

function parseProblem(e: unknown, ctx: AnalyzeContext, pointer: string): Problem {
  if (!(e instanceof ExpressionError)) throw e;
  const hint = "expressions look like ${{ steps.ID.outputs.NAME }} or ${{ inputs.X == 'y' }}";
  return error(ErrorCodes.EXPRESSION, `expression does not parse: ${e.message}`, ctx.positions.value(ctx.base + pointer, e.offset), hint);
}

/** An `if:` may be written with or without `${{ }}`. The template is returned only when it is sound. */
export function analyzeCondition(text: string, ctx: AnalyzeContext): { template?: Template; dependencies: Set<string>; problems: Problem[] } {
  if (hasExpression(text)) {
    const analyzed = analyzeTemplates(text, ctx);
    const template = analyzed.templates.get("");
    const sound = template && !hasErrors(analyzed.problems);
    return sound ? { template, dependencies: analyzed.dependencies, problems: analyzed.problems } : { dependencies: analyzed.dependencies, problems: analyzed.problems };
  }
  const result = emptyAnalysis();
  let template: Template;
  try {
    template = { parts: [{ kind: "expression", node: parseExpression(text), start: 0, end: text.length }], whole: true };
  } catch (e) {
    return { dependencies: result.dependencies, problems: [parseProblem(e, ctx, "")] };
  }
  const { broken } = checkTemplate(template, "", ctx, result);
  return broken ? { dependencies: result.dependencies, problems: result.problems } : { template, dependencies: result.dependencies, problems: result.problems };
}

function emptyAnalysis(): AnalyzedValue {
  return { view: undefined, dynamic: [], templates: new Map(), secretReaders: new Set(), dependencies: new Set(), problems: [] };
}
