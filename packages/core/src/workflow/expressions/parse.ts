import { ExpressionError } from "./ast.js";
import type { ExpressionNode } from "./ast.js";
import { tokenize } from "./tokenize.js";
import type { Token } from "./tokenize.js";

const KEYWORDS: Record<string, boolean | null> = { true: true, false: false, null: null };

/** Parses the text of one expression; `base` is its offset in the containing string. */
export function parseExpression(source: string, base = 0): ExpressionNode {
  const tokens = tokenize(source, base);
  let position = 0;
  const peek = (): Token => tokens[position] ?? tokens[tokens.length - 1]!;
  const isOperator = (value: string): boolean => {
    const token = peek();
    return token.kind === "operator" && token.value === value;
  };
  const unexpected = (token: Token): never => {
    const what = token.kind === "end" ? "end of expression" : `\`${source.slice(token.start - base, token.end - base)}\``;
    throw new ExpressionError(`unexpected ${what}`, token.start);
  };

  const binary = (ops: readonly ("==" | "!=" | "&&" | "||")[], next: () => ExpressionNode) => (): ExpressionNode => {
    let left = next();
    for (let op = ops.find(isOperator); op; op = ops.find(isOperator)) {
      position++;
      const right = next();
      left = { kind: "binary", op, left, right, start: left.start, end: right.end };
    }
    return left;
  };

  const primary = (): ExpressionNode => {
    const token = peek();
    position++;
    if (token.kind === "number" || token.kind === "string") return { kind: "literal", value: token.value, start: token.start, end: token.end };
    if (token.kind === "operator" && token.value === "!") {
      const operand = primary();
      return { kind: "not", operand, start: token.start, end: operand.end };
    }
    if (token.kind === "operator" && token.value === "(") {
      const inner = or();
      if (!isOperator(")")) unexpected(peek());
      position++;
      return inner;
    }
    if (token.kind !== "identifier") return unexpected(token);
    if (token.value in KEYWORDS) return { kind: "literal", value: KEYWORDS[token.value] ?? null, start: token.start, end: token.end };
    const path = [token.value];
    let end = token.end;
    while (isOperator(".")) {
      position++;
      const segment = peek();
      if (segment.kind !== "identifier") unexpected(segment);
      position++;
      path.push((segment as { value: string }).value);
      end = segment.end;
    }
    if (isOperator("(")) throw new ExpressionError(`\`${path.join(".")}\` is not a function: expressions have no function calls`, token.start);
    return { kind: "ref", path, start: token.start, end };
  };

  const equality = binary(["==", "!="], primary);
  const and = binary(["&&"], equality);
  const or = binary(["||"], and);

  if (peek().kind === "end") throw new ExpressionError("empty expression", base);
  const node = or();
  if (peek().kind !== "end") unexpected(peek());
  return node;
}
