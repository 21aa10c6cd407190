import { ExpressionError } from "./ast.js";
import type { Template, TemplatePart } from "./ast.js";
import { parseExpression } from "./parse.js";

const OPEN = "${{";
const CLOSE = "}}";

export function hasExpression(text: string): boolean {
  return text.includes(OPEN);
}

// Workflows repeat the same expressions (`${{ inputs.size }}` in every step); templates are immutable, so share them.
const cache = new Map<string, Template | ExpressionError>();
const CACHE_LIMIT = 10_000;

/** Splits a string into text and parsed `${{ ... }}` expressions. Throws ExpressionError. */
export function parseTemplate(text: string): Template {
  let entry = cache.get(text);
  if (entry === undefined) {
    try {
      entry = parseUncached(text);
    } catch (e) {
      if (!(e instanceof ExpressionError)) throw e;
      entry = e;
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, entry);
  }
  if (entry instanceof ExpressionError) throw entry;
  return entry;
}

function parseUncached(text: string): Template {
  const parts: TemplatePart[] = [];
  let cursor = 0;
  for (let open = text.indexOf(OPEN); open >= 0; open = text.indexOf(OPEN, cursor)) {
    if (open > cursor) parts.push({ kind: "text", value: text.slice(cursor, open) });
    const bodyStart = open + OPEN.length;
    const close = findClose(text, bodyStart);
    if (close < 0) throw new ExpressionError("`${{` without a closing `}}`", open);
    const node = parseExpression(text.slice(bodyStart, close), bodyStart);
    parts.push({ kind: "expression", node, start: open, end: close + CLOSE.length });
    cursor = close + CLOSE.length;
  }
  if (cursor < text.length) parts.push({ kind: "text", value: text.slice(cursor) });
  const expressions = parts.filter((p) => p.kind === "expression");
  const whole = expressions.length === 1 && parts.every((p) => p.kind === "expression" || p.value.trim() === "");
  return { parts, whole };
}

// By character code, without a call per character: this runs over every expression of every step.
function findClose(text: string, from: number): number {
  let quote = 0;
  for (let i = from; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (quote !== 0) {
      if (ch === BACKSLASH && quote === DOUBLE_QUOTE) i++;
      else if (ch === quote) quote = 0;
    } else if (ch === SINGLE_QUOTE || ch === DOUBLE_QUOTE) quote = ch;
    else if (ch === CLOSE_BRACE && text.charCodeAt(i + 1) === CLOSE_BRACE) return i;
  }
  return -1;
}

const BACKSLASH = 92;
const SINGLE_QUOTE = 39;
const DOUBLE_QUOTE = 34;
const CLOSE_BRACE = 125;
